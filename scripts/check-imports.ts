/**
 * `npm run check:imports`: the import rules of lib/tooling/import-rules.ts, which `npm test`
 * also checks (lib/tooling/import-rules.test.ts). Exit 1 on any violation.
 */
import { checkImports } from "../lib/tooling/import-rules";

const { problems, modules, edges } = checkImports();
if (problems.length) {
  console.error(`${problems.length} import rule violation(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`imports ok: ${modules} modules, ${edges} internal imports, no cycles`);
