/**
 * How the clinical API authenticates: `required` (production, and every test about FHIR
 * behaviour through the fixture's token helper) or `off`, which exists only to measure the token
 * check's overhead against a baseline (CLINICAL_AUTH=off, logged as a warning at start).
 */
export type AuthConfig =
  | { mode: "required"; signingKey: Uint8Array; tokenLifetimeS?: number; verifiedTokenCacheEntries?: number }
  | { mode: "off" };
