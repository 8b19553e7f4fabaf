import { counterIncrease, countersFor } from "@/core/metrics/clinical-counters";
import { ALERT_FOR, BURN_RATE_ALERTS, burnRate, type Severity, type SloWindow } from "@/core/engines/slo/burn-rate";
import { leLabel } from "@/core/engines/slo/promql";
import { SLOS, type Slo } from "@/core/engines/slo/definitions";
import type { ScrapeSample } from "./period-slo";

const SECONDS: Record<SloWindow, number> = { "5m": 300, "30m": 1800, "1h": 3600, "2h": 7200, "6h": 21600, "1d": 86400, "3d": 259200 };
const FOR_SECONDS: Record<Severity, number> = { page: 120, ticket: 900 };
// ALERT_FOR is the rules' text ("2m", "15m"); FOR_SECONDS must say the same.
for (const s of Object.keys(ALERT_FOR) as Severity[]) if (`${FOR_SECONDS[s] / 60}m` !== ALERT_FOR[s]) throw new Error(`FOR_SECONDS.${s} disagrees with ALERT_FOR`);

/** The longest window a rule looks back over: samples this far before the period are needed. */
export const ALERT_LOOKBACK_S = SECONDS["3d"];

export interface DerivedAlert {
  sloId: string;
  severity: Severity;
  rule: string;
  firedAt: string;
  /** null: still firing at the end of the data. */
  resolvedAt: string | null;
}

/** Cumulative good-event and bad-event counts per sample (restarts handled as `increase` does). */
function cumulative(slo: Slo, samples: ScrapeSample[]): { total: number[]; bad: number[] } {
  const c = samples.map((s) => countersFor(s.classes, slo.priorityClass));
  const total = [0];
  const bad = [0];
  for (let i = 1; i < c.length; i++) {
    const pair = [c[i - 1]!, c[i]!];
    const t = counterIncrease(pair.map((x) => x.total));
    const b = slo.kind === "availability" ? counterIncrease(pair.map((x) => x.bad)) : t - counterIncrease(pair.map((x) => x.le[leLabel(slo.thresholdS!)] ?? 0));
    total.push(total[i - 1]! + t);
    bad.push(bad[i - 1]! + Math.max(0, Math.min(t, b)));
  }
  return { total, bad };
}

/** Index of the last sample at or before `at` (the window's baseline); -1 when none. */
function baselineIndex(at: number[], t: number): number {
  let lo = 0, hi = at.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * Burn-rate alerts as the exported Prometheus rules would have fired them, re-evaluated at each
 * stored scrape: both windows' error ratios ≥ factor × (1 − objective), held for the rule's
 * `for`, resolved at the first scrape where the condition no longer holds. A window without a
 * full history (no sample at or before its start) or without traffic is no data, never firing.
 */
export function deriveBurnAlerts(samples: ScrapeSample[], from: number, to: number): DerivedAlert[] {
  const at = samples.map((s) => s.at);
  const out: DerivedAlert[] = [];
  for (const slo of SLOS) {
    const { total, bad } = cumulative(slo, samples);
    const ratio = (i: number, w: SloWindow): number | null => {
      const j = baselineIndex(at, at[i]! - SECONDS[w] * 1000);
      if (j < 0 || j >= i) return null;
      const n = total[i]! - total[j]!;
      return n > 0 ? (bad[i]! - bad[j]!) / n : null;
    };
    for (const rule of BURN_RATE_ALERTS) {
      let pendingSince: number | null = null;
      let open: DerivedAlert | null = null;
      for (let i = 0; i < samples.length && at[i]! < to; i++) {
        const long = ratio(i, rule.long);
        const short = ratio(i, rule.short);
        const cond = long !== null && short !== null && burnRate(long, slo.objective) >= rule.factor && burnRate(short, slo.objective) >= rule.factor;
        if (!cond) {
          if (open) { open.resolvedAt = new Date(at[i]!).toISOString(); open = null; }
          pendingSince = null;
          continue;
        }
        pendingSince ??= at[i]!;
        if (!open && at[i]! - pendingSince >= FOR_SECONDS[rule.severity] * 1000) {
          open = { sloId: slo.id, severity: rule.severity, rule: `${rule.long}/${rule.short} ≥ ${rule.factor}×`, firedAt: new Date(at[i]!).toISOString(), resolvedAt: null };
          out.push(open);
        }
      }
    }
  }
  // Alerts that overlap the period: resolved inside or after it, fired before its end.
  return out.filter((a) => (a.resolvedAt === null || Date.parse(a.resolvedAt) >= from)).sort((a, b) => a.firedAt.localeCompare(b.firedAt) || a.sloId.localeCompare(b.sloId));
}
