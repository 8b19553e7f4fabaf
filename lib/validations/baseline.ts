import { z } from "zod";
import { runWindowsSchema, type RunWindows } from "@/core/engines/regression/run-window";

const windowS = z.number().positive().optional();

/** A result written by `loadtest --json`: the run's fields at the top level. */
const cliResult = z.object({ durationS: z.number().positive(), windowS, windows: runWindowsSchema, scenario: z.string().optional(), target: z.string().optional() });
/** A run downloaded from the console (`?format=json`): the summary apart from the windows. */
const consoleRun = z.object({ summary: z.object({ durationS: z.number().positive(), windowS }), windows: runWindowsSchema, scenario: z.string().optional(), target: z.string().optional(), id: z.string().optional() });

/** What a comparison needs from a baseline; `windowS` is absent in runs recorded before windows adapted (10 s). */
export type BaselineRun = { durationS: number; windowS?: number; windows: RunWindows; label: string };

/** Reads either JSON shape into what the comparison needs; throws a readable message otherwise. */
export function parseBaselineJson(json: unknown, label: string): BaselineRun {
  const a = cliResult.safeParse(json);
  if (a.success) return { durationS: a.data.durationS, windowS: a.data.windowS, windows: a.data.windows, label };
  const b = consoleRun.safeParse(json);
  if (b.success) return { durationS: b.data.summary.durationS, windowS: b.data.summary.windowS, windows: b.data.windows, label };
  throw new Error(`${label} is not a load-test result with per-endpoint windows (write one with --json, or download a run's JSON from the console)`);
}

/** `--baseline`: a run id, `latest` (the promoted baseline of this scenario and target), or a .json file. */
export const baselineArgSchema = z.union([z.uuid(), z.literal("latest"), z.string().regex(/\.json$/i, "must be a run id, latest, or a .json file")]);
