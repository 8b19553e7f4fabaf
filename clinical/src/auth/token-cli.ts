import { parseArgs } from "node:util";
import { ClinicalTokenClient, TokenRequestFailed } from "@/core/auth/token-client";
import { clinicalEnv } from "../env";

export const TOKEN_USAGE = `usage: npm run -s clinical:token -- --scopes "<scopes>" [--client <id> --secret <secret>] [--url <clinical service>]
  prints a short-lived access token (stdout, nothing else) for curl and scripts:
    curl -H "Authorization: Bearer $(npm run -s clinical:token -- --scopes system/Patient.r)" http://127.0.0.1:4000/fhir/Patient/p-000001
  credentials: --client/--secret, else CLINICAL_CLIENT_ID / CLINICAL_CLIENT_SECRET
  url: --url, else CLINICAL_PUBLIC_URL, else http://CLINICAL_HOST:CLINICAL_PORT`;

/** `npm run clinical:token`: exit 0 printed, 1 the service refused, 2 bad input. */
export async function runTokenCli(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let values: { scopes?: string; client?: string; secret?: string; url?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { scopes: { type: "string" }, client: { type: "string" }, secret: { type: "string" }, url: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (e) {
    err(`${(e as Error).message}\n${TOKEN_USAGE}`);
    return 2;
  }
  if (values.help) return out(TOKEN_USAGE), 0;
  const env = clinicalEnv();
  const clientId = values.client ?? env.CLINICAL_CLIENT_ID;
  const clientSecret = values.secret ?? env.CLINICAL_CLIENT_SECRET;
  if (!values.scopes || !clientId || !clientSecret) return err(`--scopes and credentials are required\n${TOKEN_USAGE}`), 2;
  const baseUrl = values.url ?? env.CLINICAL_PUBLIC_URL ?? `http://${env.CLINICAL_HOST}:${env.CLINICAL_PORT}`;
  try {
    out(await new ClinicalTokenClient({ baseUrl, clientId, clientSecret, scope: values.scopes }).token());
    return 0;
  } catch (e) {
    if (e instanceof TokenRequestFailed) return err(e.message), 1;
    err(`could not reach ${baseUrl}: ${(e as Error).message}`);
    return 1;
  }
}
