import "server-only";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { summarizeHistogram } from "../../metrics/histogram-summary";
import { webVitalHistograms } from "../../metrics/web-vitals";

export interface VitalRow {
  metric: string;
  route: string;
  count: number;
  /** Upper bound of the p75 bucket: seconds for timings, a score for CLS. */
  p75: number;
}

/** This console process's Web Vitals since it started, as recorded by /api/vitals. */
export async function webVitalsSummary(actor: Actor | null): Promise<VitalRow[]> {
  await authorize(actor, "console.view", { action: "monitoring.web_vitals" });
  const h = webVitalHistograms();
  const time = summarizeHistogram((await h.time.get()).values).map((r) => ({ metric: r.labels.metric!, route: r.labels.route!, count: r.count, p75: r.p75 }));
  const cls = summarizeHistogram((await h.cls.get()).values).map((r) => ({ metric: "CLS", route: r.labels.route!, count: r.count, p75: r.p75 }));
  return [...time, ...cls].sort((a, b) => a.metric.localeCompare(b.metric) || a.route.localeCompare(b.route));
}
