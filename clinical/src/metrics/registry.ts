import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type PriorityClass = "emergency" | "patient-data" | "clinical-data" | "ai-inference" | "system";

// Seconds: a cached read (~0.5 ms) up to the 5 s emergency-alert target and beyond.
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

/** What the L1 tier holds; set by the cache once it exists (estimated from serialized sizes). */
export type CacheUsageSource = () => { entries: number; bytes: number } | null;

/** What the priority pool holds right now; set once the database exists. */
export type PoolUsageSource = () => { inUse: Record<string, number>; waiting: Record<string, number>; size: number; reserved: Record<string, number> } | null;

// Seconds waited for a connection: 0 (a free slot, observed too so p95 is honest) up to the longest statement timeout.
const POOL_WAIT_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** One registry per app instance, so tests can build several apps in one process. */
export function createClinicalMetrics() {
  const registry = new Registry();
  const cacheUsage: { source: CacheUsageSource } = { source: () => null };
  const poolUsage: { source: PoolUsageSource } = { source: () => null };
  collectDefaultMetrics({ register: registry, prefix: "clinical_" });
  return {
    registry,
    httpDuration: new Histogram({
      name: "clinical_http_request_duration_seconds",
      help: "Request duration by route template (never the raw URL), method, status, clinical priority class and traffic (synthetic = a Vigil load test, marked by x-vigil-run; real = everything else).",
      labelNames: ["route", "method", "status_code", "priority_class", "traffic"] as const,
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
    cacheUsage,
    // Pool metrics: labels are the priority class only.
    poolUsage,
    poolWait: new Histogram({
      name: "clinical_db_pool_wait_seconds",
      help: "Time a query waited for a database connection by priority class (0 when one was free).",
      labelNames: ["class"] as const,
      buckets: POOL_WAIT_BUCKETS,
      registers: [registry],
    }),
    poolTimeouts: new Counter({
      name: "clinical_db_pool_timeouts_total",
      help: "Queries given up by priority class: kind=wait (no connection within the class's timeout) or kind=statement (cancelled by its statement_timeout).",
      labelNames: ["class", "kind"] as const,
      registers: [registry],
    }),
    poolInUse: new Gauge({
      name: "clinical_db_pool_in_use",
      help: "Database connections held right now by priority class.",
      labelNames: ["class"] as const,
      registers: [registry],
      collect() {
        for (const [c, n] of Object.entries(poolUsage.source()?.inUse ?? {})) this.set({ class: c }, n);
      },
    }),
    poolWaiting: new Gauge({
      name: "clinical_db_pool_waiting",
      help: "Queries waiting for a database connection right now by priority class.",
      labelNames: ["class"] as const,
      registers: [registry],
      collect() {
        for (const [c, n] of Object.entries(poolUsage.source()?.waiting ?? {})) this.set({ class: c }, n);
      },
    }),
    poolSize: new Gauge({
      name: "clinical_db_pool_size",
      help: "Database connections the priority pool may hold, all classes together.",
      registers: [registry],
      collect() {
        const u = poolUsage.source();
        if (u) this.set(u.size);
      },
    }),
    poolReserved: new Gauge({
      name: "clinical_db_pool_reserved",
      help: "Connections reserved for each priority class (usable by it or a higher class only).",
      labelNames: ["class"] as const,
      registers: [registry],
      collect() {
        for (const [c, n] of Object.entries(poolUsage.source()?.reserved ?? {})) this.set({ class: c }, n);
      },
    }),
    // Cache metrics: labels are tier and data class only, never keys or identifiers.
    cacheHits: new Counter({
      name: "clinical_cache_hits_total",
      help: "Cache hits by tier (l1 memory, l2 Redis) and data class; includes graced (stale-if-error) hits.",
      labelNames: ["tier", "data_class"] as const,
      registers: [registry],
    }),
    cacheMisses: new Counter({
      name: "clinical_cache_misses_total",
      help: "Cache misses (the database was read) by data class.",
      labelNames: ["data_class"] as const,
      registers: [registry],
    }),
    cacheGracedHits: new Counter({
      name: "clinical_cache_graced_hits_total",
      help: "Stale values served past their TTL because the database failed or was slow (graced classes only).",
      labelNames: ["data_class"] as const,
      registers: [registry],
    }),
    cacheEntries: new Gauge({
      name: "clinical_cache_entries",
      help: "Entries held in this instance's memory tier (L1), expired and evicted entries excluded.",
      labelNames: ["tier"] as const,
      registers: [registry],
      collect() {
        this.set({ tier: "l1" }, cacheUsage.source()?.entries ?? 0);
      },
    }),
    cacheMemoryBytes: new Gauge({
      name: "clinical_cache_memory_bytes",
      help: "Size of the memory tier (L1) as lru-cache accounts it: the sum of its entries' JSON lengths (entries are held decrypted, as objects), expired entries excluded.",
      labelNames: ["tier"] as const,
      registers: [registry],
      collect() {
        this.set({ tier: "l1" }, cacheUsage.source()?.bytes ?? 0);
      },
    }),
  };
}

export type ClinicalMetrics = ReturnType<typeof createClinicalMetrics>;
