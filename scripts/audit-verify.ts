/**
 * `npm run audit:verify`: recomputes the audit hash chain and checks it against the signed
 * checkpoints kept outside the database. `-- --export <folder>` verifies an audit export
 * offline instead, with no database. Exit 0 intact, 1 broken (naming the first broken or
 * missing row), 2 could not check. Uses the console's database settings; with embedded PGlite,
 * stop the console first (PGlite allows one process per folder).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { closeConsoleDb, db } from "../lib/db/prisma";
import { verifyExport } from "../lib/audit/verify-export";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { checkpointDir, loadAnchors } from "../lib/services/audit/audit-anchors";

/** `--export <folder> [--public-key <pem file>]`: verify an export offline, no database. */
function verifyExportFolder(folder: string, keyFile: string | undefined): number {
  const report = verifyExport(folder, keyFile ? readFileSync(keyFile, "utf8") : undefined);
  const key = keyFile ? `the public key in ${keyFile}` : "the public key the export carries (pass --public-key to check against one you hold)";
  if (report.ok) {
    console.log(`audit export intact: ${report.checked} records and ${report.checkpoints} checkpoint(s) verified with ${key}`);
    return 0;
  }
  console.error(`audit export BROKEN: ${report.problem}`);
  console.error(`${report.checked} records before it verified intact`);
  return 1;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { export: { type: "string" }, "public-key": { type: "string" } }, strict: true });
  if (values.export) return verifyExportFolder(values.export, values["public-key"]);
  const anchors = loadAnchors();
  const report = await verifyAuditChain(await db(), anchors ?? undefined);
  const cp = report.lastCheckpoint;
  const anchored = cp ? `checked against ${anchors!.checkpoints.length} signed checkpoints, newest at event ${cp.count} (${cp.at})` : `no signed checkpoints in ${checkpointDir()}: rows deleted from the end would go unnoticed`;
  const c = report.continuesFrom;
  if (c) console.log(`continues from archive ${c.archive}, seq ${c.firstSeq}–${c.lastSeq} (${c.archives} archive(s), ${c.archivedEvents} archived events verified from their folders)`);
  if (report.ok) {
    console.log(`audit chain intact: ${report.checked} events verified; ${anchored}`);
    return 0;
  }
  const b = report.firstBroken!;
  console.error(`audit chain BROKEN at event seq=${b.seq}: ${b.reason}`);
  console.error(`${report.checked} events before it verified intact; ${anchored}`);
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
