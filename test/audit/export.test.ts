import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../lib/audit/record-event";
import { verifyExport } from "../../lib/audit/verify-export";
import { MANIFEST_FILE, NDJSON_FILE } from "../../lib/audit/export-bundle";
import { closeConsoleDb } from "../../lib/db/prisma";
import { resetEnvForTests } from "../../lib/env";
import { buildAuditExport, writeAuditExport } from "../../lib/services/audit/build-audit-export";
import { writeCheckpointIfDue } from "../../lib/services/audit/audit-anchors";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";

const dir = mkdtempSync(join(tmpdir(), "vigil-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the export folder with its NDJSON lines changed by `edit`. */
function tampered(src: string, name: string, edit: (lines: string[]) => string[]): string {
  const out = join(dir, name);
  cpSync(src, out, { recursive: true });
  const lines = readFileSync(join(out, NDJSON_FILE), "utf8").split("\n").filter(Boolean);
  writeFileSync(join(out, NDJSON_FILE), edit(lines).map((l) => `${l}\n`).join(""));
  return out;
}

describe.each(consoleDbKinds())("audit export on %s", (kind) => {
  const conn = useFreshConsoleDb(kind);
  const folder = join(dir, `export-${kind}`);
  const from = new Date(Date.now() - 3_600_000);
  beforeAll(async () => {
    process.env.VIGIL_AUDIT_CHECKPOINT_DIR = join(dir, `cp-${kind}`);
    process.env.VIGIL_AUDIT_SIGNING_KEY_FILE = join(dir, `key-${kind}`);
    resetEnvForTests();
    const prisma = await db();
    for (let i = 0; i < 6; i++) {
      await prisma.$transaction((tx) =>
        recordAuditEvent(tx, { actorId: null, actor: `u${i}@t`, actorRole: "admin", action: i % 2 ? "cache.invalidate" : "user.change_role", target: `t${i}`, sourceIp: "10.0.0.1", outcome: i === 3 ? "failure" : "success", before: { role: "ops" }, after: { role: "admin", nested: { z: 1, a: [1, "x,y"] } } }),
      );
      if (i === 2) await writeCheckpointIfDue();
    }
    writeAuditExport(folder, await buildAuditExport(from, new Date(Date.now() + 60_000)));
  });
  afterAll(() => {
    delete process.env.VIGIL_AUDIT_CHECKPOINT_DIR;
    delete process.env.VIGIL_AUDIT_SIGNING_KEY_FILE;
    resetEnvForTests();
  });

  it("exports FHIR AuditEvents, one per line, that verify offline with their checkpoint", () => {
    const lines = readFileSync(join(folder, NDJSON_FILE), "utf8").trim().split("\n");
    expect(lines).toHaveLength(6);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({
      resourceType: "AuditEvent",
      subtype: [{ code: "user.change_role" }],
      outcome: "0",
      agent: [{ who: { display: "u0@t" }, role: [{ text: "admin" }], requestor: true, network: { address: "10.0.0.1" } }],
      entity: [{ what: { display: "t0" } }],
    });
    expect(JSON.parse(lines[3]!).outcome).toBe("4");
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), "utf8"));
    expect(manifest).toMatchObject({ count: 6, chain: { firstSeq: "1", lastSeq: "6" }, checkpoints: [{ seq: "3", count: 3 }] });
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual([NDJSON_FILE, "audit-events.csv"]);
    expect(verifyExport(folder)).toEqual({ ok: true, checked: 6, checkpoints: 1 });
    const csv = readFileSync(join(folder, "audit-events.csv"), "utf8").split("\r\n");
    expect(csv[0]).toBe("seq,at,actor,actor_role,action,target,source_ip,outcome,before,after,prev_hash,hash");
    expect(csv).toHaveLength(8); // header, 6 rows, final newline
  });

  it("names an altered, a missing, a reordered and an extra record", () => {
    const altered = tampered(folder, `altered-${kind}`, (l) => l.map((x, i) => (i === 2 ? x.replace('"u2@t"', '"mallory@t"') : x)));
    expect(verifyExport(altered).problem).toMatch(/^line 3 \(seq 3\): content does not match its hash/);
    const missing = tampered(folder, `missing-${kind}`, (l) => l.filter((_, i) => i !== 1));
    expect(verifyExport(missing).problem).toMatch(/^line 2 \(seq 3\): does not follow the record before it/);
    const reordered = tampered(folder, `reordered-${kind}`, (l) => [l[0]!, l[2]!, l[1]!, ...l.slice(3)]);
    expect(verifyExport(reordered).problem).toMatch(/^line 2 \(seq 3\)/);
    const extra = tampered(folder, `extra-${kind}`, (l) => [...l, l[5]!]);
    expect(verifyExport(extra).problem).toMatch(/^line 7 \(seq 6\): does not follow/);
    const cut = tampered(folder, `cut-${kind}`, (l) => l.slice(0, 5));
    expect(verifyExport(cut).problem).toMatch(/records missing at the end: 5 of 6/);
  });

  it("refuses a manifest changed after signing", () => {
    const out = join(dir, `manifest-${kind}`);
    cpSync(folder, out, { recursive: true });
    const m = JSON.parse(readFileSync(join(out, MANIFEST_FILE), "utf8"));
    writeFileSync(join(out, MANIFEST_FILE), JSON.stringify({ ...m, count: 5 }));
    expect(verifyExport(out).problem).toMatch(/signature does not verify/);
  });

  it("exports an empty period honestly", async () => {
    const empty = join(dir, `empty-${kind}`);
    writeAuditExport(empty, await buildAuditExport(new Date("2001-01-01"), new Date("2001-02-01")));
    expect(verifyExport(empty)).toEqual({ ok: true, checked: 0, checkpoints: 0 });
  });

  it("audit:export and audit:verify --export work from the terminal", { timeout: 240_000 }, async () => {
    await closeConsoleDb();
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (conn.url) env.DATABASE_URL = conn.url;
    else (delete env.DATABASE_URL, (env.VIGIL_DATA_DIR = conn.dataDir));
    const cli = (script: string, args: string[]) => spawnSync("npx", ["tsx", "--conditions=react-server", script, ...args], { env, encoding: "utf8", timeout: 120_000 });
    const out = join(dir, `cli-${kind}`);
    const bad = cli("scripts/audit-export.ts", ["--from", "yesterday", "--to", "2026-01-01", "--out", out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--from: from must be a date/);
    const made = cli("scripts/audit-export.ts", ["--from", from.toISOString(), "--to", new Date(Date.now() + 60_000).toISOString(), "--out", out]);
    expect(made.stdout).toMatch(/exported 6 audit events/);
    expect(made.status).toBe(0);
    expect(cli("scripts/audit-verify.ts", ["--export", out]).status).toBe(0);
    const broken = cli("scripts/audit-verify.ts", ["--export", tampered(out, `cli-bad-${kind}`, (l) => l.filter((_, i) => i !== 4))]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/line 5 \(seq 6\): does not follow/);
  });
});
