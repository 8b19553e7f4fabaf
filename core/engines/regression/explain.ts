import type { Comparison, ErrorComparison, ErrorSample } from "./types";

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString("en-US")} ms`;
const times = (v: number) => `×${v.toFixed(2)}`;
const pct = (v: number) => `${(v * 100).toFixed(v > 0 && v < 0.0001 ? 3 : 2)}%`;
const count = (v: number) => v.toLocaleString("en-US");

/** "below 1%"-style wording for the (Holm-adjusted) chance of a false alarm. */
export function chanceWording(p: number): string {
  if (p < 0.001) return "below 0.1%";
  if (p < 0.01) return "below 1%";
  return `about ${Math.round(p * 100)}%`;
}

export function windowWord(windowSeconds: number): string {
  return windowSeconds === 10 ? "ten-second" : `${windowSeconds}-second`;
}

function windowsPhrase(c: Comparison, word: string): string {
  return c.nBaseline === c.nCandidate
    ? `across ${c.nBaseline} ${word} windows per run`
    : `across ${c.nBaseline} (before) and ${c.nCandidate} (after) ${word} windows`;
}

/** One plain-language sentence for a latency comparison, or null when there is nothing to say. */
export function explainComparison(c: Comparison, windowSeconds: number, minWindows: number): string | null {
  const word = windowWord(windowSeconds);
  const name = `${c.endpoint} ${c.metric}`;
  if (c.outcome === "insufficient-data") {
    return `${name}: not enough data — need ${c.windowsNeeded} more ${word} windows (have ${c.nBaseline} before and ${c.nCandidate} after; at least ${minWindows} per run are needed).`;
  }
  if (c.outcome === "regression" || c.outcome === "improvement") {
    const verb = c.outcome === "regression" ? "rose" : "fell";
    const p = c.outcome === "regression" ? c.pHolm : c.pImprovementHolm;
    return `${name} ${verb} from ${ms(c.baselineValue)} to ${ms(c.candidateValue)} (${times(c.ratio)}, 95% confidence range ${times(c.lower)}–${times(c.upper)}) ${windowsPhrase(c, word)}; the chance of seeing this by noise alone is ${chanceWording(p)}.`;
  }
  if (c.significant || c.significantImprovement) {
    return `${name} moved from ${ms(c.baselineValue)} to ${ms(c.candidateValue)} (${times(c.ratio)}), which is within normal run-to-run variation (we only flag changes beyond ${times(c.requiredRatio)} that we are 95% confident about and that are large enough in milliseconds to matter).`;
  }
  return null;
}

/** One plain-language sentence for an error-rate comparison, or null when unremarkable. */
export function explainErrors(e: ErrorComparison, s: ErrorSample): string | null {
  if (e.outcome === "insufficient-data") {
    return `${e.endpoint} error rate: no requests were recorded in one of the runs, so it could not be compared.`;
  }
  if (e.outcome !== "regression") return null;
  return `${e.endpoint} error rate rose from ${pct(e.baselineRate)} to ${pct(e.candidateRate)} (${count(s.baselineErrors)} of ${count(s.baselineTotal)} requests before, ${count(s.candidateErrors)} of ${count(s.candidateTotal)} after); the chance of seeing this by noise alone is ${chanceWording(e.pHolm)}.`;
}
