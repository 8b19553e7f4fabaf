import { z } from "zod";

/**
 * One endpoint's window of a run (latencies in ms): what regression detection compares between
 * runs. The single definition: the recorder, the detector and baseline files (lib/validations)
 * use this schema and its inferred type. It lives beside the detector, not in lib/validations,
 * because lib/validations already imports the engines (a folder loop otherwise).
 */
export const runWindowSchema = z.object({
  /** Seconds from the run's start to the window's start. */
  startS: z.number(),
  requests: z.number(),
  errors: z.number(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
});

/** Endpoint name → its windows in time order. */
export const runWindowsSchema = z.record(z.string(), z.array(runWindowSchema));

export type RunWindow = z.infer<typeof runWindowSchema>;
export type RunWindows = z.infer<typeof runWindowsSchema>;
