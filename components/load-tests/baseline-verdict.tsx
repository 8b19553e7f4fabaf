import Link from "next/link";
import type { BaselineComparison } from "@/lib/services/baselines/compare-with-baseline";
import type { Comparison } from "@/core/engines/regression/types";
import { formatMs } from "@/core/engines/loadgen/format-figures";
import { Timestamp } from "@/components/ui/timestamp";

const BADGE: Record<string, string> = { regression: "bad", improvement: "ok", inconclusive: "warn", "no-change": "", "insufficient-data": "warn" };
const ms = (x: number) => `${formatMs(x)} ms`;
const ratio = (c: Comparison) => (Number.isFinite(c.lower) ? `×${c.ratio.toFixed(2)} (95% CI ×${c.lower.toFixed(2)}–×${c.upper.toFixed(2)})` : `×${c.ratio.toFixed(2)}`);
const p = (x: number) => (x < 0.001 ? "< 0.001" : x.toFixed(3));
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : "—");
/** Untested rows (too little data) have no p-value: "—", not a p of 1. */
const UNTESTED = "—";

/** The run against its baseline: the verdict, its explanation in words, and the evidence per endpoint. */
export function BaselineVerdict({ comparison }: { comparison: BaselineComparison }) {
  const { baseline, result, reason, minEffectMs } = comparison;
  return (
    <section className="panel" data-testid="baseline-verdict">
      <h2>Against the baseline</h2>
      {baseline && (
        <p className="muted">
          Baseline: <Link href={`/load-tests/${baseline.runId}`}>run {baseline.runId.slice(0, 8)}</Link>, promoted <Timestamp at={baseline.promotedAt} /> ·{" "}
          {baseline.noise === null ? "run-to-run noise not measured (2% assumed)" : `run-to-run noise ${(baseline.noise * 100).toFixed(1)}%`}
        </p>
      )}
      {!result && <p data-testid="baseline-reason">{reason}</p>}
      {result && (
        <>
          <p>
            Verdict <span className={`badge ${BADGE[result.verdict]}`} data-testid="verdict">{result.verdict}</span>
          </p>
          <ul data-testid="verdict-explanation">{result.explanation.map((line) => <li key={line}>{line}</li>)}</ul>
          <p className="muted" data-testid="verdict-figures-note">
            Figures in this table are medians, over the steady-state {result.windowS}-second windows (the first 10% of each run is warm-up and left out), of each window&apos;s percentile.
            The per-endpoint table above is the whole run, warm-up included, so its percentiles differ.
          </p>
          <table data-testid="verdict-table">
            <thead><tr><th>Endpoint</th><th>Metric</th><th>Baseline (window median)</th><th>This run (window median)</th><th>Ratio</th><th>Floor</th><th>p (Holm)</th><th>Windows</th><th>Outcome</th></tr></thead>
            <tbody>
              {result.comparisons.map((c) => {
                const tested = c.outcome !== "insufficient-data";
                return (
                  <tr key={`${c.endpoint}-${c.metric}`}>
                    <td>{c.endpoint}</td><td>{c.metric}</td><td>{ms(c.baselineValue)}</td><td>{ms(c.candidateValue)}</td>
                    <td>{tested ? ratio(c) : UNTESTED}</td><td>{ms(c.floorMs)}</td><td data-testid="verdict-p">{tested ? p(Math.min(c.pHolm, c.pImprovementHolm)) : UNTESTED}</td><td>{c.nBaseline} / {c.nCandidate}</td>
                    <td><span className={`badge ${BADGE[c.outcome]}`}>{c.outcome}</span></td>
                  </tr>
                );
              })}
              {result.errors.map((e) => {
                const tested = e.outcome !== "insufficient-data";
                return (
                  <tr key={`${e.endpoint}-errors`}>
                    <td>{e.endpoint}</td><td>error rate</td><td>{pct(e.baselineRate)}</td><td>{pct(e.candidateRate)}</td>
                    <td>{tested ? `${e.deltaPercentagePoints >= 0 ? "+" : ""}${e.deltaPercentagePoints.toFixed(2)} pp` : UNTESTED}</td><td>0.1 pp</td><td data-testid="verdict-p">{tested ? p(e.pHolm) : UNTESTED}</td><td>Fisher</td>
                    <td><span className={`badge ${BADGE[e.outcome]}`}>{e.outcome}</span></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted">
            A regression needs all three: the steady-state windows are slower by a one-sided Mann-Whitney test (α = 0.01, Holm-corrected), the 95% confidence interval of the ratio clears ×{result.comparisons[0]?.requiredRatio.toFixed(2) ?? "1.06"} (5% or three times the run-to-run noise), and the change exceeds the floor ({minEffectMs === null ? "5% of the endpoint's baseline p95, at least 1 ms" : `${minEffectMs} ms, as set below`}).
          </p>
        </>
      )}
      {baseline && (
        <form method="get" className="grid" data-testid="min-effect-form">
          <label>
            Smallest change that counts, in ms (blank: 5% of the baseline&apos;s p95, at least 1 ms)
            <input name="minEffectMs" type="number" min={0} step="any" defaultValue={minEffectMs ?? ""} data-testid="min-effect-input" />
          </label>
          <div className="form-submit"><button type="submit" className="secondary" data-testid="min-effect-apply">Compare again</button></div>
        </form>
      )}
    </section>
  );
}
