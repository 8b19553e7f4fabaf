import { z } from "zod";

const windowSchema = z.object({ startS: z.number(), requests: z.number(), errors: z.number(), p50: z.number(), p95: z.number(), p99: z.number() });
const windowsSchema = z.record(z.string(), z.array(windowSchema));

/** A result written by `loadtest --json`: the run's fields at the top level. */
const cliResult = z.object({ durationS: z.number().positive(), windows: windowsSchema, scenario: z.string().optional(), target: z.string().optional() });
/** A run downloaded from the console (`?format=json`): the summary apart from the windows. */
const consoleRun = z.object({ summary: z.object({ durationS: z.number().positive() }), windows: windowsSchema, scenario: z.string().optional(), target: z.string().optional(), id: z.string().optional() });

export type BaselineRun = { durationS: number; windows: z.infer<typeof windowsSchema>; label: string };

/** Reads either JSON shape into what the comparison needs; throws a readable message otherwise. */
export function parseBaselineJson(json: unknown, label: string): BaselineRun {
  const a = cliResult.safeParse(json);
  if (a.success) return { durationS: a.data.durationS, windows: a.data.windows, label };
  const b = consoleRun.safeParse(json);
  if (b.success) return { durationS: b.data.summary.durationS, windows: b.data.windows, label };
  throw new Error(`${label} is not a load-test result with 10-second windows (write one with --json, or download a run's JSON from the console)`);
}

/** `--baseline`: a run id, `latest` (the promoted baseline of this scenario and target), or a .json file. */
export const baselineArgSchema = z.union([z.uuid(), z.literal("latest"), z.string().regex(/\.json$/i, "must be a run id, latest, or a .json file")]);
