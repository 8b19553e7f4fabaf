/** A statement's cumulative counters at one moment (pg_stat_statements). */
export interface StatementCounters {
  queryId: string;
  name: string | null;
  query: string;
  calls: number;
  totalMs: number;
}

/** Mean execution time of each statement over the window between two snapshots. */
export interface WindowMean {
  queryId: string;
  name: string | null;
  query: string;
  calls: number;
  meanMs: number;
}

/** Per statement: the calls and time it gained between `from` and `to` (statements without calls left out). */
export function windowMeans(from: StatementCounters[], to: StatementCounters[]): WindowMean[] {
  const before = new Map(from.map((s) => [s.queryId, s]));
  const out: WindowMean[] = [];
  for (const s of to) {
    const b = before.get(s.queryId);
    const calls = s.calls - (b?.calls ?? 0);
    const ms = s.totalMs - (b?.totalMs ?? 0);
    // Fewer calls than before means the counters were reset in between: the window is unknown.
    if (calls > 0 && ms >= 0) out.push({ queryId: s.queryId, name: s.name, query: s.query, calls, meanMs: ms / calls });
  }
  return out;
}

/** A statement's mean during the baseline run against during the run after the change. */
export interface MeanChange {
  queryId: string;
  name: string | null;
  query: string;
  callsBefore: number;
  callsAfter: number;
  meanBeforeMs: number;
  meanAfterMs: number;
  /** after / before: 0.4 is 60% faster. */
  ratio: number;
}

/** Statements measured in both runs, the biggest total time before first. */
export function meanChanges(before: WindowMean[], after: WindowMean[]): MeanChange[] {
  const a = new Map(after.map((w) => [w.queryId, w]));
  return before
    .flatMap((b) => {
      const x = a.get(b.queryId);
      if (!x || b.meanMs <= 0) return [];
      return [{ queryId: b.queryId, name: b.name, query: b.query, callsBefore: b.calls, callsAfter: x.calls, meanBeforeMs: b.meanMs, meanAfterMs: x.meanMs, ratio: x.meanMs / b.meanMs }];
    })
    .sort((p, q) => q.callsBefore * q.meanBeforeMs - p.callsBefore * p.meanBeforeMs);
}
