/** `npm run clinical:client -- --help`: registers (or revokes) a clinical API client (clinical/src/auth/client-cli.ts). */
import { runClientCli } from "../clinical/src/auth/client-cli";

runClientCli(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(`clinical:client failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
