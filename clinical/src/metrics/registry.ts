import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type PriorityClass = "emergency" | "patient-data" | "clinical-data" | "ai-inference" | "system";

// Seconds: a cached read (~0.5 ms) up to the 5 s emergency-alert target and beyond.
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

/** One registry per app instance, so tests can build several apps in one process. */
export function createClinicalMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "clinical_" });
  return {
    registry,
    httpDuration: new Histogram({
      name: "clinical_http_request_duration_seconds",
      help: "Request duration by route template (never the raw URL), method, status and clinical priority class.",
      labelNames: ["route", "method", "status_code", "priority_class"] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    inFlight: new Gauge({
      name: "clinical_http_requests_in_flight",
      help: "Requests being handled right now.",
      registers: [registry],
    }),
    dbDuration: new Histogram({
      name: "clinical_db_query_duration_seconds",
      help: "Database query duration by query name.",
      labelNames: ["query", "outcome"] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    errors: new Counter({
      name: "clinical_http_errors_total",
      help: "Error responses by route template and FHIR issue code.",
      labelNames: ["route", "issue"] as const,
      registers: [registry],
    }),
  };
}

export type ClinicalMetrics = ReturnType<typeof createClinicalMetrics>;
