/**
 * `npm run audit:archive -- [--out <folder>] [--reason "<why>"]`: writes every audit event older
 * than the hot window (from the chain's start) as an export folder, verifies it offline, records
 * the archive and only then deletes those rows, in one transaction with its `audit.archive` event.
 * Exit 0 archived or nothing to archive, 1 the archive did not verify (nothing deleted), 2 bad
 * input or could not run. PostgreSQL, or PGlite with the console stopped.
 */
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { closeConsoleDb } from "../lib/db/prisma";
import { runAuditArchive } from "../lib/services/audit/archive-audit-events";
import { auditArchiveArgsSchema } from "../lib/validations/audit-retention";
import { reasonSchema } from "../lib/validations/reason";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: "string" }, reason: { type: "string" } }, strict: true });
  const args = auditArchiveArgsSchema.safeParse({ out: values.out });
  const reason = reasonSchema.safeParse(values.reason ?? "scheduled archive from the terminal (npm run audit:archive)");
  if (!args.success || !reason.success) {
    const issues = [...(args.error?.issues ?? []), ...(reason.error?.issues.map((i) => ({ ...i, path: ["reason"] })) ?? [])];
    console.error(`audit:archive: ${issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
    console.error('usage: npm run audit:archive -- --out ./audit-archive-2026 --reason "yearly archive of the cold trail"');
    return 2;
  }
  const result = await runAuditArchive(
    { id: null, label: `cli:${userInfo().username}`, role: null, sourceIp: null, reason: reason.data },
    { out: args.data.out },
  );
  if (result.status === "nothing") {
    console.log(`nothing older than the hot window (${result.hotWindowDays} days, before ${result.cutoff}): no archive written, nothing deleted`);
    return 0;
  }
  if (result.status === "failed") {
    console.error(`audit:archive FAILED, nothing deleted: ${result.problem}`);
    console.error(`the folder ${result.folder} is left for inspection`);
    return 1;
  }
  console.log(`archived ${result.count} audit events (seq ${result.firstSeq}–${result.lastSeq}) as archive ${result.archive} in ${result.folder}`);
  console.log(`last hash ${result.lastHash}; manifest sha256 ${result.manifestSha256}; those rows were deleted from the database`);
  return 0;
}

main()
  .then(async (code) => {
    await closeConsoleDb();
    process.exit(code);
  })
  .catch((err) => {
    console.error(`audit:archive could not run: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  });
