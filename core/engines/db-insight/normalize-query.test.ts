import { describe, expect, it } from "vitest";
import { normalizeQuery } from "./normalize-query";
import { createQueryNames } from "./query-names";

describe("normalizeQuery", () => {
  it("equates the application's text with pg_stat_statements' normalized text", () => {
    const app = `SELECT id, effective FROM observations
      WHERE patient_id = $1 AND category = 'vital-signs' ORDER BY effective DESC LIMIT 10`;
    const pgss = "SELECT id, effective FROM observations\n      WHERE patient_id = $1 AND category = $2 ORDER BY effective DESC LIMIT $3";
    expect(normalizeQuery(app)).toBe(normalizeQuery(pgss));
    // Booleans are constants to PostgreSQL 15 as well: `ON true` is recorded as `ON $3`.
    const joined = "SELECT t.n, p.* FROM (SELECT 1 AS n) t LEFT JOIN (SELECT id FROM obs WHERE done = false LIMIT 10) p ON true";
    expect(normalizeQuery(joined)).toBe(normalizeQuery("SELECT t.n, p.* FROM (SELECT $1 AS n) t LEFT JOIN (SELECT id FROM obs WHERE done = $2 LIMIT $3) p ON $4"));
    // A column or quoted name that merely contains the word stays itself.
    expect(normalizeQuery('SELECT is_true, "false" FROM t')).toBe('select is_true,"false" from t');
  });

  it("keeps different statements apart", () => {
    expect(normalizeQuery("SELECT a FROM t WHERE b = $1")).not.toBe(normalizeQuery("SELECT a FROM t WHERE c = $1"));
    expect(normalizeQuery("SELECT t1.a FROM t1")).not.toBe(normalizeQuery("SELECT t2.a FROM t2"));
  });
});

describe("createQueryNames", () => {
  it("names a registered statement and leaves others unnamed", () => {
    const names = createQueryNames();
    names.register("patient.read", "SELECT * FROM patients WHERE id = $1");
    expect(names.nameOf("select *   from patients where id = $1")).toBe("patient.read");
    expect(names.nameOf("SELECT * FROM encounters WHERE id = $1")).toBeNull();
  });

  it("keeps both names of one statement run for two purposes", () => {
    const names = createQueryNames();
    names.register("search_vital", "SELECT * FROM obs WHERE category = $1");
    names.register("search_lab", "SELECT * FROM obs WHERE category = $1");
    names.register("search_lab", "SELECT * FROM obs WHERE category = $1");
    expect(names.nameOf("SELECT * FROM obs WHERE category = $1")).toBe("search_vital / search_lab");
  });

  it("stops growing at its limit", () => {
    const names = createQueryNames(2);
    for (const t of ["a", "b", "c"]) names.register(t, `SELECT 1 FROM ${t}`);
    expect(names.size).toBe(2);
    expect(names.nameOf("SELECT 1 FROM c")).toBeNull();
  });
});
