import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectInsight } from "@/core/engines/db-insight/collect-insight";
import { createQueryNames } from "@/core/engines/db-insight/query-names";
import type { RunSql } from "@/core/engines/db-insight/types";
import { createTempDatabase } from "../support/postgres";
import { serviceGate, testPostgresUrl } from "../support/services";

const enabled = serviceGate("PostgreSQL", Boolean(testPostgresUrl()), "set TEST_DATABASE_URL to run the database-insight suite");

// A schema the engine has never heard of: nothing in it may be specific to the clinical tables.
const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE TABLE widgets (id bigint PRIMARY KEY, shop int NOT NULL, colour text NOT NULL, made timestamptz NOT NULL);
INSERT INTO widgets SELECT g, g % 50, CASE WHEN g % 3 = 0 THEN 'red' ELSE 'blue' END, now() - g * interval '1 minute' FROM generate_series(1, 20000) g;
CREATE INDEX widgets_shop ON widgets (shop);
CREATE INDEX widgets_shop_made ON widgets (shop, made DESC);
CREATE INDEX widgets_colour_unused ON widgets (colour);
ANALYZE widgets;`;

const BY_SHOP = "SELECT id, made FROM widgets WHERE shop = $1 ORDER BY made DESC LIMIT 10";
const BY_MADE = "SELECT count(*) FROM widgets WHERE made > now() - $1::interval";

/** Waits (bounded) until the closed workload connection's counters are visible. */
async function waitForStats(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const c = new pg.Client({ connectionString: temp.url });
    await c.connect();
    const { rows } = await c.query("SELECT coalesce(idx_scan, 0)::int AS n FROM pg_stat_user_tables WHERE relname = 'widgets'");
    await c.end();
    if (rows[0]?.n >= 7) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

let temp: Awaited<ReturnType<typeof createTempDatabase>>;

describe.runIf(enabled)("database insight on PostgreSQL", () => {
  let client: pg.Client;
  const run: RunSql = async <T,>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[];

  beforeAll(async () => {
    temp = await createTempDatabase(testPostgresUrl()!, "vigil_insight_test");
    client = new pg.Client({ connectionString: temp.url });
    await client.connect();
    // Schema and workload run on their own connection, closed before reading: PostgreSQL 15
    // flushes a backend's table and index counters at most once a second, and always at exit.
    const workload = new pg.Client({ connectionString: temp.url });
    await workload.connect();
    await workload.query(SCHEMA);
    for (let i = 0; i < 7; i++) await workload.query(BY_SHOP, [i]);
    for (let i = 0; i < 3; i++) await workload.query(BY_MADE, ["1 hour"]);
    await workload.query("INSERT INTO widgets VALUES (30001, 1, 'red', now())");
    await workload.end();
    await waitForStats();
  });
  afterAll(async () => {
    await client?.end();
    await temp?.drop();
  });

  it("lists the workload's statements by total time with calls, rows, share and names", async () => {
    const names = createQueryNames();
    names.register("widgets.by_shop", BY_SHOP);
    const insight = await collectInsight(run, names.nameOf);
    expect(insight.statements.available).toBe(true);
    if (!insight.statements.available) return;
    const byShop = insight.statements.top.find((q) => q.name === "widgets.by_shop");
    expect(byShop).toMatchObject({ calls: 7, rows: 70 });
    expect(byShop!.meanMs).toBeCloseTo(byShop!.totalMs / 7, 6);
    const byMade = insight.statements.top.find((q) => /made > now\(\)/.test(q.query));
    expect(byMade).toMatchObject({ calls: 3, rows: 3, name: null });
    const totals = insight.statements.top.map((q) => q.totalMs);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const shares = insight.statements.top.reduce((s, q) => s + q.share, 0);
    expect(shares).toBeGreaterThan(0.5);
    expect(shares).toBeLessThanOrEqual(1.000001);
    expect(insight.statements.top.some((q) => q.query.includes("vigil:insight"))).toBe(false);
    expect(insight.statements.since).not.toBeNull();
  });

  it("reports table scans, rows, size and writes, any schema", async () => {
    const insight = await collectInsight(run);
    const widgets = insight.tables.find((t) => t.table === "widgets")!;
    expect(widgets).toMatchObject({ schema: "public" });
    expect(widgets.seqScans).toBeGreaterThanOrEqual(3);
    expect(widgets.indexScans).toBeGreaterThanOrEqual(7);
    expect(widgets.rows).toBeGreaterThanOrEqual(20000);
    expect(widgets.sizeBytes).toBeGreaterThan(1_000_000);
    expect(widgets.writesPerHour).toBeGreaterThan(0);
  });

  it("finds the unused index and the prefix-covered one; keys and primary key are never unused", async () => {
    const insight = await collectInsight(run);
    const ix = Object.fromEntries(insight.indexes.map((i) => [i.index, i]));
    expect(ix.widgets_colour_unused).toMatchObject({ unused: true, scans: 0, valid: true, coveredBy: null });
    expect(ix.widgets_shop).toMatchObject({ coveredBy: "widgets_shop_made" });
    expect(ix.widgets_shop_made).toMatchObject({ coveredBy: null, unused: false });
    expect(ix.widgets_pkey).toMatchObject({ primary: true, unused: false });
    expect(ix.widgets_shop_made?.definition).toContain("made DESC");
  });

  it("reports an invalid index and the buffer cache hit ratio", async () => {
    await client.query("CREATE TABLE dupes (v int)");
    await client.query("INSERT INTO dupes VALUES (1), (1)");
    await expect(client.query("CREATE UNIQUE INDEX CONCURRENTLY dupes_v ON dupes (v)")).rejects.toThrow();
    const insight = await collectInsight(run);
    expect(insight.indexes.find((i) => i.index === "dupes_v")).toMatchObject({ valid: false });
    expect(insight.cacheHit.tables).toBeGreaterThan(0);
    expect(insight.cacheHit.tables).toBeLessThanOrEqual(1);
  });

  it("answers with the commands to run when the extension is missing", async () => {
    await client.query("DROP EXTENSION pg_stat_statements");
    try {
      const insight = await collectInsight(run);
      expect(insight.statements).toMatchObject({ available: false, enable: ["CREATE EXTENSION IF NOT EXISTS pg_stat_statements;"] });
      expect(insight.tables.length).toBeGreaterThan(0);
    } finally {
      await client.query("CREATE EXTENSION pg_stat_statements");
    }
  });
});
