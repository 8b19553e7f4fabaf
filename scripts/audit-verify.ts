/**
 * `npm run audit:verify`: recomputes the audit hash chain. Exit 0 intact, 1 broken (naming the
 * first broken row), 2 could not check. Uses the same database settings as the console; with
 * embedded PGlite, stop the console first (PGlite allows one process per folder).
 */
import { closeConsoleDb, db } from "../lib/db/prisma";
import { verifyAuditChain } from "../lib/audit/verify-chain";

async function main(): Promise<number> {
  const report = await verifyAuditChain(await db());
  if (report.ok) {
    console.log(`audit chain intact: ${report.checked} events verified`);
    return 0;
  }
  const b = report.firstBroken!;
  console.error(`audit chain BROKEN at event seq=${b.seq}: ${b.reason}`);
  console.error(`${report.checked} events before it verified intact`);
  return 1;
}

main()
  .then(async (code) => {
    await closeConsoleDb();
    process.exit(code);
  })
  .catch((err) => {
    console.error(`audit:verify could not run: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  });
