import { describe, expect, it } from "vitest";
import { consolidate } from "./consolidate";
import { candidateKey } from "./covered";
import { mergeWorkload } from "./sample-activity";
import type { Candidate } from "./types";

const c = (cols: string[], where: Candidate["where"] = [], table = "jobs"): Candidate => ({
  schema: "public", table, where, columns: cols.map((x) => ({ name: x.replace(" DESC", ""), desc: x.endsWith(" DESC") })),
});

describe("consolidate", () => {
  it("keeps one index per need: prefixes and partial twins of a full index go", () => {
    const kept = consolidate([
      c(["owner"]),
      c(["owner", "created DESC"]),
      c(["owner"], [{ column: "state", sql: "= 'queued'" }]),
      c(["owner", "created DESC"]),
      c(["owner"], [], "other"),
      c(["created DESC"], [{ column: "state", sql: "= 'queued'" }]),
    ]).map(candidateKey);
    expect(kept).toEqual(["public.jobs(owner,created DESC)", "public.other(owner)", "public.jobs(created DESC) WHERE state = 'queued'"]);
  });
});

describe("mergeWorkload", () => {
  it("adds sampled statements pg_stat_statements does not know, by text", () => {
    const counted = [{ queryId: "1", query: "SELECT 1 FROM t WHERE a = $1", calls: 5, meanMs: 1, totalMs: 5 }];
    const sampled = [
      { queryId: "activity:1", query: "SELECT 1  FROM t\nWHERE a = $1", calls: 2, meanMs: 9000, totalMs: 18000 },
      { queryId: "activity:2", query: "SELECT 2 FROM t WHERE b = $1", calls: 3, meanMs: 9500, totalMs: 28500 },
    ];
    expect(mergeWorkload(counted, sampled).map((q) => q.queryId)).toEqual(["1", "activity:2"]);
  });
});
