/**
 * Default prices for cost figures in the simulator and the Scaling page. Stated as defaults, not
 * quotes: roughly an on-demand general-purpose cloud VM (1 vCPU, 2 GiB) in late 2026. The
 * resources issue keeps its own price table; the two should be unified into one module later.
 */
export const DEFAULT_PRICES = {
  /** USD per vCPU-hour. */
  vcpuHour: 0.04,
  /** USD per GiB-hour of memory. */
  gibHour: 0.005,
  /** One clinical-service replica: 1 vCPU + 2 GiB → 0.04 + 2 × 0.005 USD per hour. */
  replicaHour: 0.05,
} as const;

/** Replica shape the per-replica price assumes (matches the Kubernetes export's requests). */
export const DEFAULT_REPLICA_SHAPE = { vcpu: 1, gib: 2 } as const;
