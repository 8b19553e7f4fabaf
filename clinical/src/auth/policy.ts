/** Named defaults of the clinical API's authentication, with units and reasons. */
export const AUTH_DEFAULTS = {
  /**
   * Access-token lifetime, seconds: 300. SMART Backend Services asks for no more than five
   * minutes; a stolen token is then useful for minutes, and clients re-authenticate cheaply.
   */
  tokenLifetimeS: 300,
  /**
   * Verified tokens kept in memory, entries: 10,000. Each live client holds one or two tokens at
   * a time, so this is far above any real deployment's clients; it bounds memory (~2 MB) if
   * someone presents many distinct valid tokens. Least recently used are dropped first.
   */
  verifiedTokenCacheEntries: 10_000,
  /**
   * scrypt cost for client secrets (N, r, p, key bytes): Node's defaults (16384, 8, 1) with a
   * 32-byte key, ~50 ms and 16 MiB per check here. Paid only at /auth/token, never per request.
   */
  scrypt: { N: 16_384, r: 8, p: 1, keyBytes: 32, saltBytes: 16 },
  /** Client secrets, bytes of randomness: 32 (256 bits, base64url-encoded, 43 characters). */
  secretBytes: 32,
  /** Signing key bytes (HS256): 32, the hash's output size (RFC 7518 §3.2 asks for at least that). */
  signingKeyBytes: 32,
} as const;

/** The `iss` and `aud` of every token: checked on verification, so a token from elsewhere signed with the same key is still refused. */
export const TOKEN_ISSUER = "vigil-clinical";
export const TOKEN_AUDIENCE = "vigil-clinical-fhir";
