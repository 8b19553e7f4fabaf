/**
 * The connection-pool priority classes, highest first. Kept free of zod so client components
 * (the Database page's pool form) can import them without shipping the validator.
 * `system` (health pings, seeding) is not a clinical class; it ranks above AI inference only so a
 * flood of AI queries cannot make /health time out (reservations protect a class from the classes
 * below it, not above).
 */
export const POOL_CLASSES = ["emergency", "patient-data", "clinical-data", "system", "ai-inference"] as const;
export type PoolClass = (typeof POOL_CLASSES)[number];

export interface PoolClassSettings {
  /** Connections only this class (or a higher one) may use. */
  reserved: number;
  /** Cancel this class's statements after this many milliseconds; also the longest it waits for a connection. */
  statementTimeoutMs: number;
}

export interface PoolSettings {
  /** Connections to the clinical database, all classes together. */
  size: number;
  classes: Record<PoolClass, PoolClassSettings>;
}

/** Rank of a class: 0 is the highest priority. */
export const rankOf = (c: PoolClass): number => POOL_CLASSES.indexOf(c);
