import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgSqlClient } from "@/core/db/sql-client";
import { resetEnvForTests } from "../../lib/env";
import { buildIndex, INDEX_BUILD_LOCK_KEY, IndexBuildFailed, IndexBuildRefused } from "@/core/engines/index-advisor/build-index";
import { adviseIndexes } from "../../lib/services/database/advise-indexes";
import { applyIndex } from "../../lib/services/database/apply-index";
import { appliedIndexesMigration, listAppliedIndexes } from "../../lib/services/database/applied-indexes";
import { indexBuildProgress } from "../../lib/services/database/index-build-progress";
import { rollbackIndex } from "../../lib/services/database/rollback-index";
import { auditEventsFor, makeActor } from "../support/actors";
import { useFreshConsoleDb } from "../support/console-db";
import { createTempDatabase } from "../support/postgres";
import { serviceGate, testPostgresUrl } from "../support/services";

const base = testPostgresUrl();
const enabled = serviceGate("PostgreSQL", Boolean(base), "set TEST_DATABASE_URL to run the index apply/rollback suite");

const BY_SKU = "SELECT id, qty FROM inventory.parts WHERE sku = $1 ORDER BY received_at DESC LIMIT 5";
const BY_BIN = "SELECT count(*) FROM inventory.parts WHERE bin = $1 AND aisle = $2";

async function connect(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

async function indexes(url: string): Promise<{ name: string; valid: boolean }[]> {
  const c = await connect(url);
  const { rows } = await c.query(`SELECT c.relname AS name, x.indisvalid AS valid FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'inventory' ORDER BY 1`);
  await c.end();
  return rows;
}

describe.runIf(enabled)("apply and roll back advised indexes (console services → PostgreSQL)", { timeout: 120_000 }, () => {
  useFreshConsoleDb("pglite");
  let clinical: Awaited<ReturnType<typeof createTempDatabase>>;

  beforeAll(async () => {
    clinical = await createTempDatabase(base!, "vigil_index_apply_test");
    const c = await connect(clinical.url);
    await c.query("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg; CREATE SCHEMA inventory");
    await c.query("CREATE TABLE inventory.parts (id bigint PRIMARY KEY, sku text NOT NULL, bin text NOT NULL, aisle int NOT NULL, qty int, received_at timestamptz NOT NULL)");
    await c.query("INSERT INTO inventory.parts SELECT g, 'sku-' || (g % 8000), 'b' || (g % 900), g % 40, g % 50, now() - g * interval '1 minute' FROM generate_series(1, 100000) g");
    await c.query("ANALYZE inventory.parts");
    for (let i = 0; i < 20; i++) await c.query(BY_SKU, [`sku-${i}`]);
    for (let i = 0; i < 20; i++) await c.query(BY_BIN, [`b${i}`, i % 40]);
    await c.end();
    process.env.CLINICAL_DATABASE_URL = clinical.url;
    resetEnvForTests();
  }, 180_000);
  afterAll(async () => {
    delete process.env.CLINICAL_DATABASE_URL;
    resetEnvForTests();
    await clinical?.drop();
  });

  it("advises (ops may), refuses apply to ops and compliance with an audit row, builds for an admin", async () => {
    const ops = await makeActor("ops");
    const advice = await adviseIndexes(ops, { minCalls: "10" });
    expect(advice.method).toBe("hypopg");
    expect(advice.database).toMatch(/^PostgreSQL 127\.0\.0\.1:5432\/vigil_index_apply_test_/);
    const ddls = advice.suggestions.map((s) => s.ddl);
    expect(ddls).toContain("CREATE INDEX CONCURRENTLY parts_sku_received_at_idx ON inventory.parts (sku, received_at DESC)");
    expect(ddls).toContain("CREATE INDEX CONCURRENTLY parts_bin_aisle_idx ON inventory.parts (bin, aisle)");
    const sku = advice.suggestions.find((s) => s.indexName === "parts_sku_received_at_idx")!;
    expect((await auditEventsFor({ action: "index.advise" })).at(-1)!.actor).toBe(ops.email);

    for (const role of ["ops", "compliance"] as const) {
      const who = await makeActor(role);
      await expect(applyIndex(who, { suggestionId: sku.id, reason: "vitals are slow at rounds" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const denied = await auditEventsFor({ action: "access.denied", actor: who.email });
      expect(denied.at(-1)!.after).toMatchObject({ attempted: "index.apply", permission: "index.change" });
    }
    const admin = await makeActor("admin");
    await expect(applyIndex(admin, { suggestionId: sku.id, reason: "x" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const applied = await applyIndex(admin, { suggestionId: sku.id, reason: "SKU lookups scan the whole table" });
    expect(applied).toMatchObject({ status: "valid", indexName: "parts_sku_received_at_idx", rechecked: false, error: null, note: null });
    expect(applied.buildMs).toBeGreaterThanOrEqual(0);
    expect(await indexes(clinical.url)).toContainEqual({ name: "parts_sku_received_at_idx", valid: true });
    const events = await auditEventsFor({ target: "index:inventory.parts_sku_received_at_idx" });
    expect(events.map((e) => [e.action, e.outcome])).toEqual([["index.apply.start", "success"], ["index.apply", "success"]]);
    expect(events[1]!.after).toMatchObject({ reason: "SKU lookups scan the whole table" });

    // The same index again: refused with the reason, audited, nothing built.
    await expect(applyIndex(admin, { suggestionId: sku.id, reason: "second attempt at the same index" })).rejects.toThrow(/already exists/);
    expect((await auditEventsFor({ target: "index:inventory.parts_sku_received_at_idx" })).at(-1)).toMatchObject({ action: "index.apply", outcome: "failure" });

    const list = await listAppliedIndexes(ops);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ appliedBy: admin.email, reason: "SKU lookups scan the whole table", status: "valid" });
    expect((list[0]!.before as { queries: { meanMs: number }[] }).queries[0]!.meanMs).toBeGreaterThan(0);
    const file = await appliedIndexesMigration(ops);
    expect(file.filename).toMatch(/^\d{14}_vigil_indexes\.sql$/);
    expect(file.sql).toContain("CREATE INDEX CONCURRENTLY IF NOT EXISTS parts_sku_received_at_idx ON inventory.parts (sku, received_at DESC);");

    // Rollback: admin only, reason required, DROP INDEX CONCURRENTLY, then nothing left to roll back.
    await expect(rollbackIndex(ops, { appliedIndexId: applied.id, reason: "writes got slower" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await rollbackIndex(admin, { appliedIndexId: applied.id, reason: "writes got slower" })).toEqual({ id: applied.id, existed: true });
    expect((await indexes(clinical.url)).map((i) => i.name)).toEqual(["parts_pkey"]);
    await expect(rollbackIndex(admin, { appliedIndexId: applied.id, reason: "writes got slower" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await auditEventsFor({ action: "index.rollback" })).map((e) => e.outcome)).toEqual(["success", "failure"]);
  });

  it("refuses while another build holds the advisory lock, and audits it", async () => {
    const admin = await makeActor("admin");
    const advice = await adviseIndexes(admin, {});
    const bin = advice.suggestions.find((s) => s.indexName === "parts_bin_aisle_idx")!;
    const holder = await connect(clinical.url);
    await holder.query("SELECT pg_advisory_lock($1)", [INDEX_BUILD_LOCK_KEY]);
    try {
      await expect(applyIndex(admin, { suggestionId: bin.id, reason: "bin counts during stocktake" })).rejects.toThrow(/Another index build/);
    } finally {
      await holder.query("SELECT pg_advisory_unlock($1)", [INDEX_BUILD_LOCK_KEY]);
      await holder.end();
    }
    expect((await auditEventsFor({ target: "index:inventory.parts_bin_aisle_idx" })).at(-1)).toMatchObject({ outcome: "failure" });
    expect((await indexes(clinical.url)).map((i) => i.name)).toEqual(["parts_pkey"]);
    const progress = await indexBuildProgress(admin);
    expect(progress).toEqual({ database: expect.stringContaining("PostgreSQL"), builds: [], live: true });
  });

  it("re-checks a suggestion whose table changed: applies when it still helps, refuses when it no longer does", async () => {
    const admin = await makeActor("admin");
    const advice = await adviseIndexes(admin, {});
    const bin = advice.suggestions.find((s) => s.indexName === "parts_bin_aisle_idx")!;
    const sku = advice.suggestions.find((s) => s.indexName === "parts_sku_received_at_idx")!;
    const c = await connect(clinical.url);
    await c.query("ALTER TABLE inventory.parts ADD COLUMN note text");
    await c.query("CREATE INDEX hand_made_sku ON inventory.parts (sku, received_at)");
    await c.end();
    const ok = await applyIndex(admin, { suggestionId: bin.id, reason: "bin counts during stocktake" });
    expect(ok).toMatchObject({ status: "valid", rechecked: true });
    expect(ok.costAfter).toBeLessThan(ok.costBefore * 0.5);
    await expect(applyIndex(admin, { suggestionId: sku.id, reason: "SKU lookups scan the whole table" })).rejects.toThrow(/table changed since this advice; re-checked/);
  });

  it("a build that times out leaves no invalid index behind; two builds at once: one is refused", async () => {
    const a = await connect(clinical.url);
    const b = await connect(clinical.url);
    const sa = pgSqlClient(a, async () => {});
    const sb = pgSqlClient(b, async () => {});
    const candidate = { schema: "inventory", table: "parts", name: "parts_qty_idx", columns: [{ name: "qty", desc: false }], where: [] };
    // An open writing transaction makes CONCURRENTLY wait after it has created the (invalid) index.
    const writer = await connect(clinical.url);
    await writer.query("BEGIN");
    await writer.query("UPDATE inventory.parts SET qty = qty WHERE id = 1");
    // The writer finishes after the timeout, as a real one would: the clean-up DROP waits for it.
    setTimeout(() => void writer.query("ROLLBACK"), 3000);
    const err = await buildIndex(sa, candidate, { concurrently: true, timeoutMs: 1500 }).catch((e: unknown) => e);
    await writer.end();
    expect(err).toBeInstanceOf(IndexBuildFailed);
    expect((err as IndexBuildFailed).message).toMatch(/statement timeout/);
    expect((err as IndexBuildFailed).invalidIndexDropped).toBe(true);
    expect((await indexes(clinical.url)).map((i) => i.name)).not.toContain("parts_qty_idx");

    const results = await Promise.allSettled([
      buildIndex(sa, candidate, { concurrently: true }),
      buildIndex(sb, { ...candidate, name: "parts_qty_idx2" }, { concurrently: true }),
    ]);
    const refused = results.filter((r) => r.status === "rejected");
    // The second may start after the first finished; when they overlap it is refused, never run alongside.
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(IndexBuildRefused);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    await a.end();
    await b.end();
  });
});
