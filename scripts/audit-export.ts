/**
 * `npm run audit:export -- --from <date> --to <date> --out <folder>`: the audit trail of a
 * period as FHIR R4 AuditEvent NDJSON and CSV, with a signed manifest (hashes, chain ends,
 * checkpoints). Verify it anywhere with `npm run audit:verify -- --export <folder>`.
 * Exit 0 written, 2 bad input or could not run. PostgreSQL, or PGlite with the console stopped.
 */
import { parseArgs } from "node:util";
import { closeConsoleDb } from "../lib/db/prisma";
import { buildAuditExport, writeAuditExport } from "../lib/services/audit/build-audit-export";
import { auditExportArgsSchema } from "../lib/validations/audit";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, out: { type: "string" } }, strict: true });
  const parsed = auditExportArgsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`audit:export: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
    console.error("usage: npm run audit:export -- --from 2026-11-01 --to 2026-12-01 --out ./audit-2026-11");
    return 2;
  }
  const { from, to, out } = parsed.data;
  const bundle = await buildAuditExport(from, to);
  const files = writeAuditExport(out, bundle);
  const m = bundle.manifest;
  console.log(`exported ${m.count} audit events (${m.period.from} → ${m.period.to}) to ${out}: ${files.join(", ")}`);
  console.log(`chain: seq ${m.chain.firstSeq ?? "-"} … ${m.chain.lastSeq ?? "-"}, last hash ${m.chain.lastHash ?? "-"}; ${m.checkpoints.length} signed checkpoint(s) in the period`);
  return 0;
}

main()
  .then(async (code) => {
    await closeConsoleDb();
    process.exit(code);
  })
  .catch((err) => {
    console.error(`audit:export could not run: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  });
