import { ClinicalTokenClient, CONSOLE_CLIENT_SCOPES, type ClientCredentials } from "@/core/auth/token-client";
import { env } from "../../env";

/** Shown on the pages that start runs against the clinical service, and as the refusal when one is started anyway. */
export const CREDENTIALS_MISSING =
  "Clinical API credentials are not configured (CLINICAL_CLIENT_ID and CLINICAL_CLIENT_SECRET): the clinical service refuses FHIR requests without a token, so runs against it cannot start. npm start provisions them; otherwise register a client with npm run clinical:client.";

/** The console's clinical API client, or null when either half is missing. */
export function clinicalCredentials(): ClientCredentials | null {
  const e = env();
  return e.CLINICAL_CLIENT_ID && e.CLINICAL_CLIENT_SECRET ? { clientId: e.CLINICAL_CLIENT_ID, clientSecret: e.CLINICAL_CLIENT_SECRET } : null;
}

/** Whether `target` is the configured clinical service (same origin as CLINICAL_URL): its runs carry the console's tokens. */
export function isClinicalService(target: string): boolean {
  try {
    return new URL(target).origin === new URL(env().CLINICAL_URL).origin;
  } catch {
    return false;
  }
}

/** A token client for the configured clinical service (null without credentials). */
export function clinicalTokenClient(): ClinicalTokenClient | null {
  const creds = clinicalCredentials();
  return creds ? new ClinicalTokenClient({ baseUrl: env().CLINICAL_URL, ...creds, scope: CONSOLE_CLIENT_SCOPES }) : null;
}
