/** The shape of the Monitoring page's traffic history, whichever source (scrapes or Prometheus) filled it. */
import type { KeyStats, TrafficPoint } from "@/core/engines/monitoring/traffic-series";
import type { MonitoringRange } from "../../validations/monitoring";

export interface TrafficView {
  keys: string[];
  points: TrafficPoint[];
  /** Whole-range figures per key. */
  totals: Record<string, KeyStats>;
}

export interface TrafficHistory {
  source: { kind: "scrape" | "prometheus"; description: string };
  includeSynthetic: boolean;
  range: MonitoringRange;
  stepS: number;
  byClass: TrafficView;
  byRoute: TrafficView;
  burn: Array<{ at: number; bySlo: Record<string, number | null> }>;
  error?: string;
}
