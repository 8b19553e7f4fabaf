import { describe, expect, it } from "vitest";
import { coveredIndexes, type IndexShape } from "./covered-indexes";

const ix = (index: string, keys: (string | null)[], extra: Partial<IndexShape> = {}): IndexShape => ({
  table: "public.t", index, method: "btree", keys, predicate: null, unique: false, primary: false, ...extra,
});

describe("coveredIndexes", () => {
  it("flags an index whose columns are a prefix of another's", () => {
    const m = coveredIndexes([ix("t_a", ["a"]), ix("t_a_b", ["a", "b"])]);
    expect([...m]).toEqual([["public.t.t_a", "t_a_b"]]);
  });

  it("flags exactly one of two identical indexes", () => {
    const m = coveredIndexes([ix("t_a_1", ["a"]), ix("t_a_2", ["a"])]);
    expect([...m]).toEqual([["public.t.t_a_2", "t_a_1"]]);
  });

  it("flags a plain index that duplicates the primary key, never the key itself", () => {
    const m = coveredIndexes([ix("t_pkey", ["id"], { primary: true, unique: true }), ix("t_id", ["id"])]);
    expect([...m]).toEqual([["public.t.t_id", "t_pkey"]]);
  });

  it("keeps indexes that differ in sort direction, predicate, method, table or order", () => {
    const m = coveredIndexes([
      ix("a_desc", ["a DESC"]), ix("a_b", ["a", "b"]),
      ix("a_partial", ["a"], { predicate: "(s = 'x'::text)" }), ix("a_hash", ["a"], { method: "hash" }),
      ix("b_a", ["b", "a"]), ix("other_a", ["a"], { table: "public.u" }),
    ]);
    expect(m.has("public.t.a_desc")).toBe(false);
    expect(m.has("public.t.a_partial")).toBe(false);
    expect(m.has("public.t.a_hash")).toBe(false);
    expect(m.has("public.t.b_a")).toBe(false);
    expect(m.has("public.u.other_a")).toBe(false);
  });

  it("never flags expression indexes or unique indexes", () => {
    const m = coveredIndexes([ix("expr", [null]), ix("expr_b", [null, "b"]), ix("u_a", ["a"], { unique: true }), ix("a_b", ["a", "b"])]);
    expect(m.size).toBe(0);
  });
});
