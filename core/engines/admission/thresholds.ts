/**
 * Resource thresholds from the product brief, evaluated on the Resources page and exported as
 * Prometheus alerts. Ratios (0-1):
 * - CPU 0.70 of one core: Node runs the service's JavaScript on one thread, so one core is its
 *   ceiling; past 70 % queueing delay grows steeply (M/M/1: waiting ∝ ρ / (1 − ρ)).
 * - Memory 0.80 of V8's heap limit: past it, garbage collection runs near-continuously and an
 *   allocation spike ends in an out-of-memory crash.
 * - Pool 0.80 of a class's database connections (when the pool metrics exist): headroom for a
 *   burst before requests wait for a connection.
 */
export const RESOURCE_THRESHOLDS = { cpu: 0.7, memory: 0.8, pool: 0.8 } as const;

/** How long a threshold must be exceeded before the alert fires: minutes, so a GC or a deploy does not page. */
export const THRESHOLD_ALERT_FOR = "10m";

export interface ThresholdAlert {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** Alerting rules for the CPU, memory and connection-pool thresholds (PromQL over the clinical service's metrics). */
export function resourceThresholdAlerts(job: string): ThresholdAlert[] {
  const sel = `{job="${job}"}`;
  return [
    {
      alert: "VigilClinicalCpuHigh",
      expr: `rate(clinical_process_cpu_seconds_total${sel}[5m]) > ${RESOURCE_THRESHOLDS.cpu}`,
      for: THRESHOLD_ALERT_FOR,
      labels: { severity: "ticket", resource: "cpu" },
      annotations: { summary: "Clinical service CPU above 70 % of one core", description: "CPU seconds per second over 5 minutes exceeded 0.7 for 10 minutes: latency climbs and the adaptive limit sheds more; add a replica." },
    },
    {
      alert: "VigilClinicalMemoryHigh",
      expr: `clinical_nodejs_heap_size_used_bytes${sel} / clinical_heap_limit_bytes${sel} > ${RESOURCE_THRESHOLDS.memory}`,
      for: THRESHOLD_ALERT_FOR,
      labels: { severity: "ticket", resource: "memory" },
      annotations: { summary: "Clinical service heap above 80 % of its limit", description: "V8 heap used over the heap limit exceeded 0.8 for 10 minutes: garbage collection pressure and an out-of-memory risk." },
    },
    {
      alert: "VigilClinicalDbPoolHigh",
      expr: `sum by (job, instance) (clinical_db_pool_in_use${sel}) / on (job, instance) clinical_db_pool_size${sel} > ${RESOURCE_THRESHOLDS.pool}`,
      for: THRESHOLD_ALERT_FOR,
      labels: { severity: "ticket", resource: "db_pool" },
      annotations: { summary: "Clinical database pool above 80 % in use", description: "Connections held over the pool size exceeded 0.8 for 10 minutes: the next burst waits for a connection; enlarge the pool (Database page) or add capacity." },
    },
  ];
}
