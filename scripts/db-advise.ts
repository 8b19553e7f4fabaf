/** npm run db:advise -- --url postgres://… [--min-calls N] [--json out.json]  (see lib/cli/db-advise.ts) */
import { runDbAdvise } from "../lib/cli/db-advise";

runDbAdvise(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
