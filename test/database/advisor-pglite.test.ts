import { PGlite } from "@electric-sql/pglite";
import { pg_stat_statements } from "@electric-sql/pglite/contrib/pg_stat_statements";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteSqlClient } from "@/core/db/sql-client";
import { adviseIndexes } from "@/core/engines/index-advisor/advise";

const LATEST = "SELECT id, result FROM lab.assays WHERE sample = $1 ORDER BY run_at DESC LIMIT $2";

describe("index advisor on embedded PGlite (transaction method)", () => {
  let lite: PGlite;
  beforeAll(async () => {
    lite = new PGlite({ extensions: { pg_stat_statements } });
    await lite.exec(`CREATE EXTENSION pg_stat_statements; CREATE SCHEMA lab;
      CREATE TABLE lab.assays (id int PRIMARY KEY, sample text NOT NULL, run_at timestamptz NOT NULL, result real);
      INSERT INTO lab.assays SELECT g, 's' || (g % 2000), now() - g * interval '1 minute', g % 97 FROM generate_series(1, 40000) g;
      ANALYZE lab.assays;`);
    for (let i = 0; i < 15; i++) await lite.query(LATEST, [`s${i}`, 10]);
  });
  afterAll(async () => lite?.close());

  it("builds each candidate inside a rolled-back transaction and leaves nothing behind", async () => {
    const advice = await adviseIndexes(pgliteSqlClient(lite, false), { method: "transaction", minCalls: 10 });
    expect(advice.method).toBe("transaction");
    expect(advice.suggestions.map((s) => s.ddl)).toEqual(["CREATE INDEX CONCURRENTLY assays_sample_run_at_idx ON lab.assays (sample, run_at DESC)"]);
    const s = advice.suggestions[0]!;
    expect(s.queries[0]!.query).toBe(LATEST);
    expect(s.costAfter).toBeLessThan(s.costBefore * 0.5);
    const idx = await lite.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = 'lab'");
    expect(idx.rows.map((r) => r.indexname)).toEqual(["assays_pkey"]);
    expect((await lite.query("SELECT 1 FROM pg_prepared_statements")).rows).toEqual([]);
    // Not left inside a transaction: a plain statement commits on its own.
    await lite.query("CREATE TEMP TABLE after_advice (x int)");
    expect((await lite.query("SELECT to_regclass('after_advice') AS t")).rows[0]).toEqual({ t: "after_advice" });
  });

  it("works inside a caller's transaction with savepoints only", async () => {
    const advice = await lite.transaction(async (tx) => adviseIndexes({ query: (sql, params) => tx.query(sql, params) as never }, { method: "transaction", minCalls: 10, insideTransaction: true }));
    expect(advice.suggestions).toHaveLength(1);
  });
});
