import { parseArgs } from "node:util";
import { clinicalEnv } from "../env";
import { migrateClinicalDb, openClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { registerClient, revokeClient } from "./clients";

export const CLIENT_USAGE = `usage: npm run clinical:client -- --name <name> --scopes "<SMART v2 system scopes>"
       npm run clinical:client -- --revoke <client id>
  registers an API client in the clinical database (CLINICAL_DATABASE_URL, else the embedded one
  under VIGIL_DATA_DIR; stop an embedded service first: PGlite has one owner process) and prints
  its id and secret once; only a hash of the secret is kept.
  scopes, e.g.: "system/Patient.rs system/Observation.crs system/Communication.c system/Encounter.rs"`;

/** `npm run clinical:client`: exit 0 done, 1 refused (unknown client to revoke), 2 bad input. */
export async function runClientCli(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let values: { name?: string; scopes?: string; revoke?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { name: { type: "string" }, scopes: { type: "string" }, revoke: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (e) {
    err(`${(e as Error).message}\n${CLIENT_USAGE}`);
    return 2;
  }
  if (values.help) return out(CLIENT_USAGE), 0;
  if (!values.revoke && (!values.name || !values.scopes)) return err(CLIENT_USAGE), 2;
  const env = clinicalEnv();
  const db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir: env.VIGIL_DATA_DIR });
  try {
    await migrateClinicalDb(db);
    if (values.revoke) {
      if (!(await revokeClient(db, values.revoke))) return err(`no active client ${values.revoke}`), 1;
      out(`revoked ${values.revoke}: no new tokens; tokens already issued expire within their lifetime`);
      return 0;
    }
    const c = await registerClient(db, { name: values.name!, scopes: values.scopes! });
    out(`client id:     ${c.id}\nclient secret: ${c.secret}\nscopes:        ${c.scopes}\nThe secret is shown only this once. Set CLINICAL_CLIENT_ID / CLINICAL_CLIENT_SECRET, or pass --client / --secret to npm run clinical:token.`);
    return 0;
  } catch (e) {
    if (e instanceof ClinicalError && e.code === "INVALID_INPUT") return err(`${e.message}\n${CLIENT_USAGE}`), 2;
    throw e;
  } finally {
    await db.close();
  }
}
