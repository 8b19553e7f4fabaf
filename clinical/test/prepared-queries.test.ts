import { describe, expect, it } from "vitest";
import { PREPARED_QUERY_ENTRIES, PREPARED_QUERY_MAX_URL, PreparedQueries } from "../src/http/prepared-queries";

describe("prepared queries: what a URL decides is derived once per URL", () => {
  it("prepares a URL once and answers repeats with the same frozen object", () => {
    let calls = 0;
    const prepared = new PreparedQueries<{ n: number }>();
    const a = prepared.for("/fhir/Observation?patient=p-1", () => ({ n: ++calls }));
    const b = prepared.for("/fhir/Observation?patient=p-1", () => ({ n: ++calls }));
    expect(b).toBe(a);
    expect(calls).toBe(1);
    expect(Object.isFrozen(a)).toBe(true);
    expect(prepared.for("/fhir/Observation?patient=p-2", () => ({ n: ++calls })).n).toBe(2);
  });

  it("keeps no failure: a bad query throws its own error on every request", () => {
    let calls = 0;
    const prepared = new PreparedQueries<object>();
    const bad = () => { calls++; throw new Error("Invalid value for search parameter(s): date."); };
    expect(() => prepared.for("/fhir/Observation?date=nope", bad)).toThrow(/date/);
    expect(() => prepared.for("/fhir/Observation?date=nope", bad)).toThrow(/date/);
    expect(calls).toBe(2);
  });

  it("never keeps a URL longer than the limit, and stays bounded in entries", () => {
    let calls = 0;
    const prepared = new PreparedQueries<object>();
    const long = `/fhir/Observation?code=${"1".repeat(PREPARED_QUERY_MAX_URL)}`;
    prepared.for(long, () => ({ n: ++calls }));
    prepared.for(long, () => ({ n: ++calls }));
    expect(calls).toBe(2);
    for (let i = 0; i <= PREPARED_QUERY_ENTRIES; i++) prepared.for(`/u?i=${i}`, () => ({ i }));
    // the first URL was evicted by the newer ones: it is prepared again
    let again = 0;
    prepared.for("/u?i=0", () => ({ again: ++again }));
    expect(again).toBe(1);
  });
});
