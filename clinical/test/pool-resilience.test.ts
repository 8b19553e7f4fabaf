import { describe, expect, it } from "vitest";
import { clinicalDbKinds, useClinicalDb } from "./support";

describe.runIf(clinicalDbKinds().includes("postgres"))("the clinical pool on PostgreSQL", () => {
  const ctx = useClinicalDb("postgres");

  it("survives PostgreSQL ending its idle connections, and the next query runs on a new one", async () => {
    await ctx.db.warm();
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on("uncaughtException", onUncaught);
    try {
      const before = await ctx.db.query<{ pid: number }>("test.pid", "SELECT pg_backend_pid() AS pid WHERE $1::int = 1", [1]);
      // Another session ends every connection of this database, as a restart or an admin would.
      const killer = await ctx.db.scriptClient();
      try {
        const ended = await killer.query<{ n: number }>("SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) t");
        expect(ended.rows[0]!.n).toBeGreaterThan(0);
      } finally {
        await killer.close();
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(uncaught).toEqual([]);
      const after = await ctx.db.query<{ pid: number }>("test.pid", "SELECT pg_backend_pid() AS pid WHERE $1::int = 1", [1]);
      expect(after[0]!.pid).not.toBe(before[0]!.pid);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});
