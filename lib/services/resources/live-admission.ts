import "server-only";
import { env } from "../../env";
import { ADMISSION_CLASSES, type AdmissionClass } from "@/core/engines/admission/classes";

export interface LiveClass {
  cls: AdmissionClass;
  inFlight: number | null;
  limit: number | null;
  rejectedConcurrency: number;
  rejectedRateLimit: number;
}

export interface LiveAdmission {
  at: string;
  enabled: boolean | null;
  minRttMs: number | null;
  classes: LiveClass[];
  rateLimitStore: "redis" | "memory" | "off" | null;
  rejectedByEndpoint: { endpoint: string; bucket: string; count: number }[];
  /** V8 heap used over its limit (0-1), null when the service does not report both. */
  heapShare: number | null;
  /** Event-loop lag p99 in ms (prom-client's monitor), null when not reported. */
  eventLoopLagP99Ms: number | null;
}

/** `name{labels} value` lines of one metric, with their labels. */
function samples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  const out: { labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) continue;
    const labels = Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    out.push({ labels, value: Number(line.slice(line.lastIndexOf(" ") + 1)) });
  }
  return out;
}

const one = (text: string, name: string, labels: Record<string, string> = {}) =>
  samples(text, name).find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

const share = (used?: number, limit?: number) => (used !== undefined && limit ? Math.round((used / limit) * 1000) / 1000 : null);
const ms = (s?: number) => (s !== undefined && Number.isFinite(s) ? Math.round(s * 10_000) / 10 : null);

/** The clinical service's admission and rate-limit state right now, read from its /metrics (counters since it started). */
export async function liveAdmission(): Promise<LiveAdmission> {
  const res = await fetch(new URL("/metrics", env().CLINICAL_URL), { signal: AbortSignal.timeout(2000) });
  if (!res.ok) throw new Error(`the clinical service answered ${res.status} for /metrics`);
  const text = await res.text();
  const enabled = one(text, "clinical_admission_enabled");
  const minRtt = one(text, "clinical_admission_min_rtt_seconds");
  const store = ["redis", "memory"].find((s) => one(text, "clinical_rate_limit_store", { store: s }) === 1) as "redis" | "memory" | undefined;
  return {
    at: new Date().toISOString(),
    enabled: enabled === undefined ? null : enabled === 1,
    minRttMs: minRtt !== undefined && Number.isFinite(minRtt) ? Math.round(minRtt * 100_000) / 100 : null,
    classes: ADMISSION_CLASSES.map((cls) => ({
      cls,
      inFlight: one(text, "clinical_admission_inflight", { class: cls }) ?? null,
      limit: one(text, "clinical_admission_limit", { class: cls }) ?? null,
      rejectedConcurrency: one(text, "clinical_admission_rejected_total", { class: cls, reason: "concurrency" }) ?? 0,
      rejectedRateLimit: one(text, "clinical_admission_rejected_total", { class: cls, reason: "rate_limit" }) ?? 0,
    })),
    rateLimitStore: store ?? (samples(text, "clinical_rate_limit_store").length ? "off" : null),
    heapShare: share(one(text, "clinical_nodejs_heap_size_used_bytes"), one(text, "clinical_heap_limit_bytes")),
    eventLoopLagP99Ms: ms(one(text, "clinical_nodejs_eventloop_lag_p99_seconds")),
    rejectedByEndpoint: samples(text, "clinical_rate_limit_rejected_total").map((s) => ({ endpoint: s.labels.endpoint ?? "?", bucket: s.labels.bucket ?? "?", count: s.value })),
  };
}
