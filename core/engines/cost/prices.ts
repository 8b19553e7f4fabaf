/**
 * The price table behind every cost figure: the Resources page's cost per 1,000 requests and the
 * Scaling simulator's replica-hours. Admins edit it on the Resources page; these are the
 * defaults until they do. Stated as defaults, not quotes.
 */
export interface PriceTable {
  /** USD per vCPU-hour. */
  vcpuHour: number;
  /** USD per GiB-hour of memory. */
  gibHour: number;
  /** USD per clinical-service replica-hour (what the Scaling simulator charges per replica). */
  replicaHour: number;
}

export const DEFAULT_PRICES: PriceTable = {
  /** Roughly an on-demand general-purpose cloud vCPU in late 2026. */
  vcpuHour: 0.04,
  /** The same VM family's memory price per GiB. */
  gibHour: 0.005,
  /** One replica as the Kubernetes export requests it (1 vCPU + 2 GiB): 0.04 + 2 × 0.005. */
  replicaHour: 0.05,
};

/** Replica shape the default replica price assumes (matches the Kubernetes export's requests). */
export const DEFAULT_REPLICA_SHAPE = { vcpu: 1, gib: 2 } as const;

/** Upper bound of any one price (USD per hour): catches a misplaced decimal point. */
export const MAX_PRICE_PER_HOUR = 1000;
