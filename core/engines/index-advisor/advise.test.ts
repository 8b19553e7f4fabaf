import { describe, expect, it } from "vitest";
import { adviceJson } from "./advice-json";
import { adviseIndexes } from "./advise";
import { MissingExtensionError } from "./extensions";
import { recordedDb, type Recording } from "./recorded-db.test-support";

// A schema that is not the clinical one: sensors and their readings.
const LATEST = "SELECT * FROM readings WHERE device = $1 ORDER BY taken_at DESC LIMIT $2";
const COUNT = "SELECT count(*) FROM readings WHERE device = $1";
const BY_SERIAL = "SELECT * FROM sensors WHERE serial = $1";
const BY_SITE = "SELECT * FROM sensors WHERE site = $1";

// Costs recorded from EXPLAIN on PostgreSQL 15 with HypoPG (generic plans), rounded.
const recording = (): Recording => ({
  tables: [
    { schema: "public", name: "readings", rows: 1_000_000, columns: ["id", "device", "taken_at", "value"] },
    { schema: "public", name: "sensors", rows: 20_000, columns: ["id", "serial", "site"] },
  ],
  stats: [
    { schema: "public", name: "readings", column: "device", n_distinct: 20_000 },
    { schema: "public", name: "sensors", column: "serial", n_distinct: -1 },
    { schema: "public", name: "sensors", column: "site", n_distinct: 40 },
  ],
  indexes: [{ schema: "public", table: "sensors", name: "sensors_pkey", method: "btree", valid: true, partial: false, columns: ["id"], descending: [false] }],
  windowHours: 2,
  activity: [{ schema: "public", name: "readings", writes: 900_000, reads: 5_000, hours: 2 }],
  workload: [
    { queryId: "1", query: LATEST, calls: 4000, meanMs: 120, totalMs: 480_000 },
    { queryId: "2", query: COUNT, calls: 4000, meanMs: 100, totalMs: 400_000 },
    { queryId: "3", query: BY_SERIAL, calls: 10_000, meanMs: 2, totalMs: 20_000 },
    { queryId: "4", query: BY_SITE, calls: 500, meanMs: 3, totalMs: 1500 },
    { queryId: "5", query: "SELECT * FROM readings WHERE id = $1", calls: 3, meanMs: 1, totalMs: 3 },
  ],
  plans: {
    [LATEST]: { "": 20_000, "public.readings (device)": 120, "public.readings (taken_at DESC)": 12_000, "public.readings (device, taken_at DESC)": 8 },
    [COUNT]: { "": 18_000, "public.readings (device)": 60, "public.readings (device, taken_at DESC)": 62 },
    [BY_SERIAL]: { "": 400, "public.sensors (serial)": 8 },
    // An index on site only takes the cost to 60%: not worth it under the 50% rule.
    [BY_SITE]: { "": 400, "public.sensors (site)": 240 },
  },
});

describe("adviseIndexes on recorded plans", () => {
  it("keeps DESC, merges the prefix-covered pick, applies the 50% rule and ranks by time saved", async () => {
    const advice = await adviseIndexes(recordedDb(recording()), { method: "hypopg", minCalls: 10 });
    expect(advice.suggestions.map((s) => s.ddl)).toEqual([
      "CREATE INDEX CONCURRENTLY readings_device_taken_at_idx ON public.readings (device, taken_at DESC)",
      "CREATE INDEX CONCURRENTLY sensors_serial_idx ON public.sensors (serial)",
    ]);
    const [readings, sensors] = advice.suggestions;
    // (device) alone was the count's best pick; (device, taken_at DESC) serves it too.
    expect(readings!.queries.map((q) => q.query)).toEqual([LATEST, COUNT]);
    expect(readings!.costBefore).toBe(38_000);
    expect(readings!.costAfter).toBe(70);
    // 2000 calls/h × 120 ms × (1 - 8/20000) + 2000 calls/h × 100 ms × (1 - 62/18000)
    expect(readings!.estimatedSavedMsPerHour).toBeCloseTo(2000 * 120 * (1 - 8 / 20_000) + 2000 * 100 * (1 - 62 / 18_000), 6);
    expect(sensors!.estimatedSavedMsPerHour).toBeCloseTo(5000 * 2 * (1 - 8 / 400), 6);
    expect(readings!.activity).toEqual({ writesPerHour: 450_000, readsPerHour: 2500, writeHeavy: true });
    expect(sensors!.activity.writeHeavy).toBe(false);
    expect(advice.analyzed).toBe(4);
  });

  it("writes the documented JSON shape", async () => {
    const json = adviceJson(await adviseIndexes(recordedDb(recording()), { method: "hypopg", minCalls: 10 }));
    expect(Object.keys(json)).toEqual(["suggestions", "method"]);
    expect(json.method).toBe("hypopg");
    expect(json.suggestions[0]).toEqual({
      table: "readings",
      columns: ["device", "taken_at DESC"],
      ddl: "CREATE INDEX CONCURRENTLY readings_device_taken_at_idx ON public.readings (device, taken_at DESC)",
      queries: [LATEST, COUNT],
      costBefore: 38_000,
      costAfter: 70,
      estimatedSavedMsPerHour: expect.any(Number),
    });
  });

  it("suggests nothing when an existing index already serves the statement", async () => {
    const rec = recording();
    rec.workload = rec.workload.filter((w) => w.query === LATEST);
    rec.indexes!.push({ schema: "public", table: "readings", name: "r_dev_t", method: "btree", valid: true, partial: false, columns: ["device", "taken_at", "id"], descending: [false, true, false] });
    const advice = await adviseIndexes(recordedDb(rec), { method: "hypopg", minCalls: 10 });
    // (device) and (device, taken_at DESC) are covered; (taken_at DESC) alone misses the 50% rule.
    expect(advice.suggestions).toEqual([]);
  });

  it("names the missing extension and how to enable it, and always resets HypoPG", async () => {
    const rec = recording();
    const err = await adviseIndexes(recordedDb({ ...rec, extensions: ["pg_stat_statements"] }), { method: "hypopg" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingExtensionError);
    expect((err as MissingExtensionError).fix).toEqual(["psql -d recorded -c 'CREATE EXTENSION hypopg;'"]);
    const db = recordedDb(rec);
    await adviseIndexes(db, { method: "hypopg", minCalls: 10 });
    const creates = db.log.filter((s) => s.includes("hypopg_create_index")).length;
    expect(creates).toBeGreaterThan(0);
    expect(db.log.filter((s) => s.includes("hypopg_reset")).length).toBeGreaterThanOrEqual(creates - 1);
    expect(db.log.at(-1)).toBe("RESET plan_cache_mode");
  });

  it("suggests a partial index for a literal predicate when it is the cheapest", async () => {
    const QUEUED = "SELECT id FROM jobs WHERE state = 'queued' ORDER BY created LIMIT $1";
    const rec: Recording = {
      tables: [{ schema: "public", name: "jobs", rows: 500_000, columns: ["id", "state", "created"] }],
      stats: [{ schema: "public", name: "jobs", column: "state", n_distinct: 4 }],
      windowHours: 1,
      workload: [{ queryId: "9", query: QUEUED, calls: 600, meanMs: 80, totalMs: 48_000 }],
      plans: { [QUEUED]: { "": 9000, "public.jobs (state)": 3000, "public.jobs (created)": 40, "public.jobs (state, created)": 12, "public.jobs (created) WHERE state = 'queued'": 11.95 } },
    };
    const advice = await adviseIndexes(recordedDb(rec), { method: "hypopg", minCalls: 10 });
    // (state, created) and the partial (created) WHERE … cost the same within 1%: the smaller index wins.
    expect(advice.suggestions.map((x) => x.ddl)).toEqual(["CREATE INDEX CONCURRENTLY jobs_created_where_state_idx ON public.jobs (created) WHERE state = 'queued'"]);
  });
});

