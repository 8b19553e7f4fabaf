import { Counter, Gauge, type Registry } from "prom-client";
import type { AdmissionController } from "@/core/engines/admission/admission-controller";
import { ADMISSION_CLASSES, LIMITED_CLASSES } from "@/core/engines/admission/classes";
import { ceilingSlots } from "@/core/engines/admission/partitions";

/**
 * Admission metrics. Gauges are read from the controller at scrape time (no per-request cost);
 * only rejections count per request. Labels are the class and reason, never identifiers.
 */
export function createAdmissionMetrics(registry: Registry, controller: AdmissionController) {
  const snap = () => controller.snapshot();
  return {
    limit: new Gauge({
      name: "clinical_admission_limit",
      help: "Most requests of a class that may be in flight now: the adaptive limit times the class's borrow ceiling (emergency is never limited and has no series).",
      labelNames: ["class"] as const,
      registers: [registry],
      collect() {
        const { limit } = snap();
        for (const c of LIMITED_CLASSES) this.set({ class: c }, ceilingSlots(c, limit, controller.settings));
      },
    }),
    adaptiveLimit: new Gauge({
      name: "clinical_admission_adaptive_limit",
      help: "The adaptive concurrency limit the non-emergency classes share (each class's limit is a fraction of it), without the pin of a minimum-RTT probe: what the limiter has learned.",
      registers: [registry],
      collect() {
        this.set(snap().steadyLimit);
      },
    }),
    probing: new Gauge({
      name: "clinical_admission_probing",
      help: "1 while a minimum-RTT probe pins the limit to the probe concurrency, else 0.",
      registers: [registry],
      collect() {
        this.set(snap().probing ? 1 : 0);
      },
    }),
    guaranteed: new Gauge({
      name: "clinical_admission_guaranteed",
      help: "Requests in flight guaranteed to a class under the current adaptive limit (its share).",
      labelNames: ["class"] as const,
      registers: [registry],
      collect() {
        const g = snap().guaranteed;
        for (const c of LIMITED_CLASSES) this.set({ class: c }, g[c]);
      },
    }),
    inFlight: new Gauge({
      name: "clinical_admission_inflight",
      help: "Admitted requests in flight by class (emergency in its own partition).",
      labelNames: ["class"] as const,
      registers: [registry],
      collect() {
        const f = snap().inFlight;
        for (const c of ADMISSION_CLASSES) this.set({ class: c }, f[c]);
      },
    }),
    minRtt: new Gauge({
      name: "clinical_admission_min_rtt_seconds",
      help: "Median latency of the adaptive limiter's last minimum-RTT probe over all routes (NaN before the first); each route is compared with its own baseline.",
      registers: [registry],
      collect() {
        this.set(snap().minRttMs / 1000);
      },
    }),
    enabled: new Gauge({
      name: "clinical_admission_enabled",
      help: "1 when the adaptive concurrency limit rejects requests, 0 when it only observes.",
      registers: [registry],
      collect() {
        this.set(snap().enabled ? 1 : 0);
      },
    }),
    rejected: new Counter({
      name: "clinical_admission_rejected_total",
      help: "Requests rejected with 429 by class and reason (concurrency: the adaptive limit; rate_limit: the client's budget).",
      labelNames: ["class", "reason"] as const,
      registers: [registry],
    }),
  };
}

export type AdmissionMetrics = ReturnType<typeof createAdmissionMetrics>;
