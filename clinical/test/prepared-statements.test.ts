import { describe, expect, it } from "vitest";
import { pageSql } from "../src/db/page-sql";
import { PreparedStatements } from "../src/db/prepared-statements";
import { clinicalDbKinds, useClinicalDb } from "./support";

describe("prepared statement names", () => {
  it("gives one stable name per text and distinct names to distinct texts", () => {
    const names = new PreparedStatements();
    const a = names.nameOf("SELECT 1");
    expect(a).toMatch(/^vigil_[0-9a-f]{32}$/);
    expect(names.nameOf("SELECT 1")).toBe(a);
    expect(new PreparedStatements().nameOf("SELECT 1")).toBe(a); // every process and connection agrees
    expect(names.nameOf("SELECT 2")).not.toBe(a);
    expect(names.size).toBe(2);
  });

  it("stops naming new texts at its bound, so unbounded SQL runs unnamed instead of filling every backend", () => {
    const names = new PreparedStatements(3);
    const named = ["SELECT 1", "SELECT 2", "SELECT 3"].map((s) => names.nameOf(s));
    expect(named.every((n) => n !== undefined)).toBe(true);
    expect(names.nameOf("SELECT 4")).toBeUndefined();
    expect(names.nameOf("SELECT 2")).toBe(named[1]); // texts named before the bound keep their name
    expect(names.size).toBe(3);
  });
});

describe("pageSql", () => {
  it("writes the page size and a first page's offset as literals, and a deeper offset as a parameter", () => {
    const params: unknown[] = [];
    const push = (v: unknown) => (params.push(v), `$${params.length}`);
    expect(pageSql(10, 0, push)).toBe("LIMIT 10 OFFSET 0");
    expect(params).toEqual([]);
    expect(pageSql(20, 40, push)).toBe("LIMIT 20 OFFSET $1");
    expect(params).toEqual([40]);
  });

  it("refuses anything but whole numbers, so nothing else can reach the SQL text", () => {
    const push = () => "$1";
    for (const [count, offset] of [[0, 0], [-1, 0], [1.5, 0], [Number.NaN, 0], [10, -1], [10, 0.5], [Number.POSITIVE_INFINITY, 0]]) {
      expect(() => pageSql(count!, offset!, push)).toThrow(RangeError);
    }
    expect(() => pageSql("1; DROP TABLE patients" as unknown as number, 0, push)).toThrow(RangeError);
  });
});

describe.runIf(clinicalDbKinds().includes("postgres"))("prepared statements on PostgreSQL", () => {
  const ctx = useClinicalDb("postgres");
  const SQL = "SELECT name, statement FROM pg_prepared_statements WHERE $1::int = 1";

  it("prepares a statement with parameters once per connection and reuses it", async () => {
    for (let i = 0; i < 30; i++) {
      // The statement sees itself among its connection's prepared statements, exactly once.
      const rows = await ctx.db.query<{ name: string; statement: string }>("test.prepared", SQL, [1]);
      const own = rows.filter((r) => r.statement === SQL);
      expect(own).toHaveLength(1);
      expect(own[0]!.name).toMatch(/^vigil_[0-9a-f]{32}$/);
    }
  });

  it("runs a text without parameters as a simple query, so scripts of several commands still run", async () => {
    await ctx.db.query("test.script", "CREATE TABLE prepared_probe (n int); INSERT INTO prepared_probe VALUES (1), (2)", []);
    expect(await ctx.db.query("test.read", "SELECT sum(n)::int AS s FROM prepared_probe", [])).toEqual([{ s: 3 }]);
  });
});
