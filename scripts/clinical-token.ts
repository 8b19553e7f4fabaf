/** `npm run -s clinical:token -- --help`: prints a short-lived clinical API token (clinical/src/auth/token-cli.ts). */
import { runTokenCli } from "../clinical/src/auth/token-cli";

runTokenCli(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(`clinical:token failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
