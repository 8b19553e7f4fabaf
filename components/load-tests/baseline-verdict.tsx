import Link from "next/link";
import type { BaselineComparison } from "@/lib/services/baselines/compare-with-baseline";
import type { Comparison } from "@/lib/engines/regression/types";

const BADGE: Record<string, string> = { regression: "bad", improvement: "ok", inconclusive: "warn", "no-change": "", "insufficient-data": "warn" };
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const ratio = (c: Comparison) => (Number.isFinite(c.lower) ? `×${c.ratio.toFixed(2)} (95% CI ×${c.lower.toFixed(2)}–×${c.upper.toFixed(2)})` : `×${c.ratio.toFixed(2)}`);
const p = (x: number) => (x < 0.001 ? "< 0.001" : x.toFixed(3));

/** The run against its baseline: the verdict, its explanation in words, and the evidence per endpoint. */
export function BaselineVerdict({ comparison }: { comparison: BaselineComparison }) {
  const { baseline, result, reason } = comparison;
  return (
    <section className="panel" data-testid="baseline-verdict">
      <h2>Against the baseline</h2>
      {baseline && (
        <p className="muted">
          Baseline: <Link href={`/load-tests/${baseline.runId}`}>run {baseline.runId.slice(0, 8)}</Link>, promoted {baseline.promotedAt.replace("T", " ").slice(0, 16)} UTC ·{" "}
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
          <table>
            <thead><tr><th>Endpoint</th><th>Metric</th><th>Baseline</th><th>This run</th><th>Ratio</th><th>p (Holm)</th><th>Windows</th><th>Outcome</th></tr></thead>
            <tbody>
              {result.comparisons.map((c) => (
                <tr key={`${c.endpoint}-${c.metric}`}>
                  <td>{c.endpoint}</td><td>{c.metric}</td><td>{ms(c.baselineValue)}</td><td>{ms(c.candidateValue)}</td>
                  <td>{ratio(c)}</td><td>{p(Math.min(c.pHolm, c.pImprovementHolm))}</td><td>{c.nBaseline} / {c.nCandidate}</td>
                  <td><span className={`badge ${BADGE[c.outcome]}`}>{c.outcome}</span></td>
                </tr>
              ))}
              {result.errors.map((e) => (
                <tr key={`${e.endpoint}-errors`}>
                  <td>{e.endpoint}</td><td>error rate</td><td>{(e.baselineRate * 100).toFixed(2)}%</td><td>{(e.candidateRate * 100).toFixed(2)}%</td>
                  <td>{e.deltaPercentagePoints >= 0 ? "+" : ""}{e.deltaPercentagePoints.toFixed(2)} pp</td><td>{p(e.pHolm)}</td><td>Fisher</td>
                  <td><span className={`badge ${BADGE[e.outcome]}`}>{e.outcome}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            A regression needs all three: the steady-state 10-second windows are slower by a one-sided Mann-Whitney test (α = 0.01, Holm-corrected), the 95% confidence interval of the ratio clears ×{result.comparisons[0]?.requiredRatio.toFixed(2) ?? "1.06"} (5% or three times the run-to-run noise), and the change exceeds 50 ms.
          </p>
        </>
      )}
    </section>
  );
}
