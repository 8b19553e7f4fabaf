import { describe, expect, it } from "vitest";
import { deriveBurnAlerts } from "./burn-alerts";
import type { ScrapeSample } from "./period-slo";

const T0 = Date.parse("2026-01-10T00:00:00Z");
const MIN = 60_000;

/** Emergency traffic: 1000 requests a minute, `badPerMin(minute)` of them failing. */
function series(minutes: number, badPerMin: (m: number) => number): ScrapeSample[] {
  let total = 0, bad = 0;
  const out: ScrapeSample[] = [];
  for (let m = 0; m <= minutes; m++) {
    if (m > 0) { total += 1000; bad += badPerMin(m); }
    out.push({ at: T0 + m * MIN, classes: { emergency: { total, bad, le: { "5": total, "2": total } } } });
  }
  return out;
}

describe("burn-rate alerts re-derived from stored scrapes", () => {
  it("fires the 1h/5m page when both windows burn ≥ 14.4× for 2 minutes, and resolves when the short window recovers", () => {
    // emergency availability objective 0.99999: budget 0.001 %; 10 % failing from minute 61 to 70 burns 10000×.
    const samples = series(120, (m) => (m > 60 && m <= 70 ? 100 : 0));
    const page = deriveBurnAlerts(samples, T0, T0 + 121 * MIN).filter((a) => a.sloId === "emergency-availability" && a.rule === "1h/5m ≥ 14.4×");
    // Condition first holds at minute 61 (long window needs a baseline 60 min back: minute 1 onwards),
    // fires 2 min later; at minute 75 the 5-minute window (baseline minute 70) holds minutes 71–75 only: clean.
    expect(page).toEqual([{ sloId: "emergency-availability", severity: "page", rule: "1h/5m ≥ 14.4×", firedAt: new Date(T0 + 63 * MIN).toISOString(), resolvedAt: new Date(T0 + 75 * MIN).toISOString() }]);
  });

  it("never fires without failures, nor without enough history for the long window", () => {
    expect(deriveBurnAlerts(series(120, () => 0), T0, T0 + 121 * MIN)).toEqual([]);
    expect(deriveBurnAlerts(series(30, () => 500), T0, T0 + 31 * MIN).filter((a) => a.rule.startsWith("1h/"))).toEqual([]);
    expect(deriveBurnAlerts([], T0, T0 + MIN)).toEqual([]);
  });

  it("keeps an alert still firing at the end of the data open, and drops one resolved before the period", () => {
    const samples = series(120, (m) => (m > 60 ? 100 : 0));
    const open = deriveBurnAlerts(samples, T0 + 100 * MIN, T0 + 121 * MIN).find((a) => a.rule === "1h/5m ≥ 14.4×");
    expect(open).toMatchObject({ firedAt: new Date(T0 + 63 * MIN).toISOString(), resolvedAt: null });
    const early = series(120, (m) => (m > 60 && m <= 70 ? 100 : 0));
    expect(deriveBurnAlerts(early, T0 + 100 * MIN, T0 + 121 * MIN).filter((a) => a.rule === "1h/5m ≥ 14.4×")).toEqual([]);
  });
});
