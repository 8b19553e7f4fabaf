import { describe, expect, it } from "vitest";
import { parseQuery, UnsupportedQueryError } from "./parse-query";
import { plannedPrepare } from "./explain";

describe("parseQuery (PostgreSQL's parser via libpg-query)", () => {
  it("reads equality, IN, range and a DESC sort, counting the parameters", async () => {
    const q = await parseQuery("SELECT id FROM readings r WHERE r.device = $1 AND kind = ANY($2) AND taken_at >= $3 ORDER BY taken_at DESC, id LIMIT $4");
    expect(q.params).toBe(4);
    expect(q.blocks).toHaveLength(1);
    expect(q.blocks[0]!.tables).toEqual([{ name: "readings", alias: "r", schema: undefined }]);
    expect(q.blocks[0]!.predicates).toEqual([
      { column: ["r", "device"], kind: "eq", constant: undefined },
      { column: ["kind"], kind: "in" },
      { column: ["taken_at"], kind: "range" },
    ]);
    expect(q.blocks[0]!.sort).toEqual([{ column: ["taken_at"], desc: true }, { column: ["id"], desc: false }]);
  });

  it("keeps literals as partial-index predicates, quoting them safely", async () => {
    const q = await parseQuery("SELECT 1 FROM jobs WHERE state = 'it''s queued' AND retries = 3 AND done IS NULL AND $1 < priority");
    expect(q.blocks[0]!.predicates).toEqual([
      { column: ["state"], kind: "eq", constant: "= 'it''s queued'" },
      { column: ["retries"], kind: "eq", constant: "= 3" },
      { column: ["done"], kind: "eq", constant: "IS NULL" },
      { column: ["priority"], kind: "range" },
    ]);
  });

  it("follows joins, subqueries and UNION into their own blocks; OR contributes nothing", async () => {
    const q = await parseQuery(
      "SELECT a.x FROM shop.orders a JOIN items b ON b.order_id = a.id WHERE a.status = $1 OR a.total > $2 " +
        "UNION ALL SELECT 1 FROM carts WHERE EXISTS (SELECT 1 FROM users u WHERE u.email = $3)",
    );
    const tables = q.blocks.map((b) => b.tables.map((t) => `${t.schema ?? ""}.${t.name}`));
    expect(tables).toEqual([[ "shop.orders", ".items"], [".users"], [".carts"]]);
    expect(q.blocks[0]!.predicates).toEqual([{ column: ["b", "order_id"], kind: "eq" }, { column: ["a", "id"], kind: "eq" }]);
    expect(q.blocks[1]!.predicates).toEqual([{ column: ["u", "email"], kind: "eq", constant: undefined }]);
  });

  it("refuses utility statements and reports syntax errors", async () => {
    await expect(parseQuery("VACUUM readings")).rejects.toBeInstanceOf(UnsupportedQueryError);
    await expect(parseQuery("SELEC nope")).rejects.toThrow(/syntax error/);
  });
});

describe("paging parameters", () => {
  it("finds the statement's own LIMIT and OFFSET parameters and where their text starts", async () => {
    const sql = "SELECT id FROM obs WHERE pid = $1 AND cat = $2 ORDER BY at DESC, id DESC LIMIT $3 OFFSET $4";
    const q = await parseQuery(sql);
    expect(q.paging).toEqual([{ role: "limit", param: 3, location: sql.indexOf("$3") }, { role: "offset", param: 4, location: sql.indexOf("$4") }]);
    // A page wrapped to join its total (a derived table, or a WITH query) is a page too.
    const wrapped = "SELECT t.total, p.* FROM (SELECT n AS total FROM counts WHERE pid = $1) t LEFT JOIN (SELECT id FROM obs WHERE pid = $1 ORDER BY at DESC LIMIT $2 OFFSET $3) p ON true";
    expect((await parseQuery(wrapped)).paging).toEqual([{ role: "limit", param: 2, location: wrapped.indexOf("$2") }, { role: "offset", param: 3, location: wrapped.indexOf("$3") }]);
    const cte = "WITH page AS (SELECT id FROM obs LIMIT $1) SELECT * FROM page";
    expect((await parseQuery(cte)).paging).toEqual([{ role: "limit", param: 1, location: cte.indexOf("$1") }]);
    // A condition's subquery LIMIT, a constant LIMIT and a computed one are left alone.
    expect((await parseQuery("SELECT * FROM t WHERE id IN (SELECT id FROM u LIMIT $1)")).paging).toEqual([]);
    expect((await parseQuery("SELECT * FROM t LIMIT 5")).paging).toEqual([]);
    expect((await parseQuery("SELECT * FROM t LIMIT $1 + 1")).paging).toEqual([]);
  });

  it("plans them as the first page: constants in their place, the other parameters keep number and inferred type", async () => {
    const sql = "SELECT id FROM obs WHERE pid = $1 ORDER BY at DESC LIMIT $3 OFFSET $2";
    const q = await parseQuery(sql);
    expect(plannedPrepare("p1", sql, q.params, q.paging)).toBe("PREPARE p1 (unknown, bigint, bigint) AS SELECT id FROM obs WHERE pid = $1 ORDER BY at DESC LIMIT 10 OFFSET 0");
    expect(plannedPrepare("p2", "SELECT 1 FROM t WHERE a = $1", 1, [])).toBe("PREPARE p2 AS SELECT 1 FROM t WHERE a = $1");
  });
});
