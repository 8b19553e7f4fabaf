import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDbAdvise } from "../../lib/cli/db-advise";
import { pgSqlClient } from "@/core/db/sql-client";
import { adviseIndexes } from "@/core/engines/index-advisor/advise";
import { createTempDatabase } from "../support/postgres";
import { serviceGate, testPostgresUrl } from "../support/services";

const base = testPostgresUrl();
const enabled = serviceGate("PostgreSQL", Boolean(base), "set TEST_DATABASE_URL to run the index-advisor integration suite");

const LATEST = "SELECT id, km FROM fleet.trips WHERE vehicle = $1 ORDER BY started_at DESC LIMIT 10";
const BY_DEPOT = "SELECT count(*) FROM fleet.trips WHERE depot = $1";

async function connect(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

/** A database that is nothing like the clinical one: a fleet's trips, 100,000 rows. */
async function seedFleet(url: string): Promise<void> {
  const c = await connect(url);
  await c.query("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg; CREATE SCHEMA fleet");
  await c.query(`CREATE TABLE fleet.trips (id bigint PRIMARY KEY, vehicle text NOT NULL, depot text NOT NULL, started_at timestamptz NOT NULL, km double precision)`);
  await c.query(`INSERT INTO fleet.trips SELECT g, 'v' || (g % 5000), 'd' || (g % 7), now() - g * interval '1 minute', g % 300 FROM generate_series(1, 100000) g`);
  await c.query("ANALYZE fleet.trips");
  for (let i = 0; i < 25; i++) await c.query(LATEST, [`v${i}`]);
  for (let i = 0; i < 12; i++) await c.query(BY_DEPOT, [`d${i % 7}`]);
  await c.end();
}

describe.runIf(enabled)("index advisor on PostgreSQL with HypoPG", () => {
  let fleet: Awaited<ReturnType<typeof createTempDatabase>>;
  let bare: Awaited<ReturnType<typeof createTempDatabase>>;
  const dir = mkdtempSync(join(tmpdir(), "vigil-advise-"));

  beforeAll(async () => {
    fleet = await createTempDatabase(base!, "vigil_advisor_test");
    bare = await createTempDatabase(base!, "vigil_advisor_test");
    await seedFleet(fleet.url);
  }, 180_000);
  afterAll(async () => {
    await fleet?.drop();
    await bare?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds (vehicle, started_at DESC) from the workload alone and builds nothing", async () => {
    const c = await connect(fleet.url);
    const advice = await adviseIndexes(pgSqlClient(c, async () => {}), { method: "hypopg", minCalls: 10 });
    const top = advice.suggestions[0]!;
    expect(top.ddl).toBe("CREATE INDEX CONCURRENTLY trips_vehicle_started_at_idx ON fleet.trips (vehicle, started_at DESC)");
    expect(top.queries.map((q) => q.query)).toEqual([LATEST.replace("LIMIT 10", "LIMIT $2")]);
    expect(top.costAfter).toBeLessThan(top.costBefore * 0.5);
    expect(top.estimatedSavedMsPerHour).toBeGreaterThan(0);
    // A count over 1 of 7 depots reads a seventh of the table: no index gets it under 50%.
    expect(advice.suggestions.some((s) => s.columns.some((col) => col.name === "depot"))).toBe(false);
    const { rows } = await c.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'fleet'");
    expect(rows.map((r) => r.indexname)).toEqual(["trips_pkey"]);
    const prepared = await c.query("SELECT count(*)::int AS n FROM pg_prepared_statements");
    expect(prepared.rows[0].n).toBe(0);
    await c.end();
  });

  it("CLI: exit 1 with the documented JSON when it has suggestions", async () => {
    const out: string[] = [];
    const json = join(dir, "advice.json");
    const code = await runDbAdvise(["--url", fleet.url, "--min-calls", "10", "--json", json], { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(code).toBe(1);
    expect(out.join("\n")).toContain("CREATE INDEX CONCURRENTLY trips_vehicle_started_at_idx");
    const doc = JSON.parse(readFileSync(json, "utf8"));
    expect(doc.method).toBe("hypopg");
    expect(Object.keys(doc.suggestions[0]).sort()).toEqual(["columns", "costAfter", "costBefore", "ddl", "estimatedSavedMsPerHour", "queries", "table"]);
    expect(doc.suggestions[0]).toMatchObject({ table: "fleet.trips", columns: ["vehicle", "started_at DESC"] });
  });

  it("CLI: exit 0 when no statement is busy enough, 2 with the exact fix when extensions are missing", async () => {
    const io = () => {
      const lines: string[] = [];
      return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
    };
    const none = io();
    expect(await runDbAdvise(["--url", fleet.url, "--min-calls", "100000"], none.io)).toBe(0);
    const missing = io();
    expect(await runDbAdvise(["--url", bare.url], missing.io)).toBe(2);
    expect(missing.lines.join("\n")).toContain(`psql -d ${new URL(bare.url).pathname.slice(1)} -c 'CREATE EXTENSION pg_stat_statements;'`);
    const c = await connect(bare.url);
    await c.query("CREATE EXTENSION pg_stat_statements");
    await c.end();
    const noHypo = io();
    expect(await runDbAdvise(["--url", bare.url], noHypo.io)).toBe(2);
    expect(noHypo.lines.join("\n")).toMatch(/HypoPG is not enabled[\s\S]*CREATE EXTENSION hypopg;/);
    const bad = io();
    expect(await runDbAdvise(["--url", "mysql://x"], bad.io)).toBe(2);
    expect(await runDbAdvise(["--url", fleet.url, "--min-calls", "zero"], bad.io)).toBe(2);
    expect(await runDbAdvise(["--bogus"], bad.io)).toBe(2);
  });
});
