import type { Advice } from "./types";

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(1)} ms`);
const oneLine = (sql: string, max = 110) => {
  const s = sql.replace(/\s+/g, " ").trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

/** The CLI's human-readable report: one block per suggestion, most time saved first. */
export function formatAdvice(advice: Advice): string {
  const head = `Method: ${advice.method} · ${advice.analyzed} statements analysed over ${advice.windowHours.toFixed(2)} h of workload`;
  if (advice.suggestions.length === 0) return `${head}\nNo index would bring a statement below 50% of its current cost.`;
  const blocks = advice.suggestions.map((s, i) => {
    const warn = s.activity.writeHeavy ? `\n   ! write-heavy table: ${s.activity.writesPerHour.toFixed(0)} rows written/h vs ${s.activity.readsPerHour.toFixed(0)} scans/h; every index slows those writes` : "";
    const queries = s.queries.map((q) => `   - ${oneLine(q.query)}\n     ${q.calls} calls, mean ${ms(q.meanMs)}, cost ${q.costBefore.toFixed(0)} → ${q.costAfter.toFixed(0)}`).join("\n");
    return [
      `${i + 1}. ${s.ddl};`,
      `   saves ~${ms(s.estimatedSavedMsPerHour)} per hour (estimate), cost ${s.costBefore.toFixed(0)} → ${s.costAfter.toFixed(0)}${warn}`,
      queries,
    ].join("\n");
  });
  return [head, "", ...blocks].join("\n");
}
