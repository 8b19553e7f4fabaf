/** Caps on what one run may ask for: a console user or CI job cannot flood anything by accident. */
export const LOADTEST_LIMITS = {
  maxRate: 20_000,
  maxVUs: 2_000,
  maxConnections: 1_000,
  maxDurationS: 3_600,
  /** Runs one user may have going at once (console). */
  maxConcurrentRunsPerUser: 2,
} as const;
