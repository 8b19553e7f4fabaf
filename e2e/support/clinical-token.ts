import { ClinicalTokenClient, CONSOLE_CLIENT_SCOPES } from "../../core/auth/token-client";
import { E2E } from "./config";

let client: ClinicalTokenClient | undefined;

/** `Authorization: Bearer …` for specs that call the e2e clinical service's FHIR API directly (the console's client). */
export async function clinicalAuthHeaders(): Promise<Record<string, string>> {
  client ??= new ClinicalTokenClient({ baseUrl: `http://127.0.0.1:${E2E.clinicalPort}`, clientId: E2E.clinicalClient.id, clientSecret: E2E.clinicalClient.secret, scope: CONSOLE_CLIENT_SCOPES });
  return { authorization: `Bearer ${await client.token()}` };
}
