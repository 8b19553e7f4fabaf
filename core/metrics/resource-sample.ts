import { parseExposition } from "./parse-exposition";

/**
 * Process figures of one scrape (prom-client's default metrics with the service's `clinical_`
 * prefix, plus V8's heap limit). Every field is optional: a service that does not export a
 * metric leaves it out, and rows stored before these existed have none of them.
 */
export interface ProcessSample {
  /** clinical_process_cpu_seconds_total: user + system CPU seconds since the process started. */
  cpuSeconds?: number;
  /** clinical_process_start_time_seconds: Unix time the process started (a change means a restart). */
  startTimeS?: number;
  /** clinical_process_resident_memory_bytes. */
  residentBytes?: number;
  /** clinical_nodejs_heap_size_used_bytes. */
  heapUsedBytes?: number;
  /** clinical_heap_limit_bytes: V8's heap size limit. */
  heapLimitBytes?: number;
  /** clinical_nodejs_eventloop_lag_p99_seconds: p99 of the lag since the previous read of /metrics. */
  eventLoopLagP99S?: number;
}

/** The adaptive limiter's state per admission class (labels: class and reason only). */
export interface AdmissionSample {
  /** clinical_admission_limit{class}: emergency has no series (never limited). */
  limit: Record<string, number>;
  /** clinical_admission_inflight{class}. */
  inFlight: Record<string, number>;
  /** clinical_admission_rejected_total{class,reason}: cumulative, reason → count per class. */
  rejected: Record<string, Record<string, number>>;
}

/** The priority pool per class (clinical_db_pool_*; labels: class only). */
export interface PoolSample {
  /** clinical_db_pool_size: connections all classes together may hold. */
  size?: number;
  /** clinical_db_pool_in_use{class}. */
  inUse: Record<string, number>;
  /** clinical_db_pool_reserved{class}. */
  reserved: Record<string, number>;
}

export interface ResourceSample {
  process?: ProcessSample;
  admission?: AdmissionSample;
  pool?: PoolSample;
}

const PROCESS: Record<string, keyof ProcessSample> = {
  clinical_process_cpu_seconds_total: "cpuSeconds",
  clinical_process_start_time_seconds: "startTimeS",
  clinical_process_resident_memory_bytes: "residentBytes",
  clinical_nodejs_heap_size_used_bytes: "heapUsedBytes",
  clinical_heap_limit_bytes: "heapLimitBytes",
  clinical_nodejs_eventloop_lag_p99_seconds: "eventLoopLagP99S",
};
const ADMISSION = new Set(["clinical_admission_limit", "clinical_admission_inflight", "clinical_admission_rejected_total"]);
const POOL = new Set(["clinical_db_pool_size", "clinical_db_pool_in_use", "clinical_db_pool_reserved"]);

/** Reads the process, admission and pool figures of one /metrics text; a part the service does not export is left out. */
export function resourceSample(exposition: string): ResourceSample {
  const process: ProcessSample = {};
  let admission: AdmissionSample | undefined;
  let pool: PoolSample | undefined;
  const keep = (n: string) => n in PROCESS || ADMISSION.has(n) || POOL.has(n);
  for (const s of parseExposition(exposition, keep)) {
    // NaN (e.g. a gauge not yet set) and infinities cannot be stored as JSON: they count as not reported.
    if (!Number.isFinite(s.value)) continue;
    const field = PROCESS[s.name];
    if (field) {
      process[field] = s.value;
    } else if (ADMISSION.has(s.name)) {
      admission ??= { limit: {}, inFlight: {}, rejected: {} };
      const cls = s.labels.class ?? "unknown";
      if (s.name === "clinical_admission_limit") admission.limit[cls] = s.value;
      else if (s.name === "clinical_admission_inflight") admission.inFlight[cls] = s.value;
      else {
        const byReason = (admission.rejected[cls] ??= {});
        const reason = s.labels.reason ?? "unknown";
        byReason[reason] = (byReason[reason] ?? 0) + s.value;
      }
    } else {
      pool ??= { inUse: {}, reserved: {} };
      if (s.name === "clinical_db_pool_size") pool.size = s.value;
      else if (s.name === "clinical_db_pool_in_use") pool.inUse[s.labels.class ?? "unknown"] = s.value;
      else pool.reserved[s.labels.class ?? "unknown"] = s.value;
    }
  }
  return {
    ...(Object.keys(process).length ? { process } : {}),
    ...(admission ? { admission } : {}),
    ...(pool ? { pool } : {}),
  };
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const numbers = (v: unknown): Record<string, number> =>
  Object.fromEntries(Object.entries(obj(v) ?? {}).flatMap(([k, x]) => (num(x) === undefined ? [] : [[k, x as number]])));

/**
 * The resource parts of a stored scrape row (`data->'process'` etc.), tolerant of rows written
 * before they existed or by another version: anything missing or malformed is left out.
 */
export function readResourceSample(parts: { process?: unknown; admission?: unknown; pool?: unknown }): ResourceSample {
  const out: ResourceSample = {};
  const p = obj(parts.process);
  if (p) {
    const process: ProcessSample = {};
    for (const field of Object.values(PROCESS)) {
      const v = num(p[field]);
      if (v !== undefined) process[field] = v;
    }
    if (Object.keys(process).length) out.process = process;
  }
  const a = obj(parts.admission);
  if (a) {
    out.admission = {
      limit: numbers(a.limit),
      inFlight: numbers(a.inFlight),
      rejected: Object.fromEntries(Object.entries(obj(a.rejected) ?? {}).map(([cls, r]) => [cls, numbers(r)])),
    };
  }
  const pl = obj(parts.pool);
  if (pl) {
    const size = num(pl.size);
    out.pool = { ...(size === undefined ? {} : { size }), inUse: numbers(pl.inUse), reserved: numbers(pl.reserved) };
  }
  return out;
}
