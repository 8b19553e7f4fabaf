import { z } from "zod";
import { LOADTEST_LIMITS as L } from "../engines/loadgen/limits";
import { SCENARIO_NAMES } from "../engines/loadgen/scenarios/built-in";
import { parseThresholdLine, type Threshold } from "../engines/loadgen/thresholds";

const MAX_THRESHOLDS = 20;

/** One threshold per line (`p(95) < 1000 @ endpoint`); blank: the scenario's defaults. */
const thresholdLines = z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(4000)).transform((text, ctx): Threshold[] | undefined => {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return undefined;
  if (lines.length > MAX_THRESHOLDS) {
    ctx.addIssue({ code: "custom", message: `At most ${MAX_THRESHOLDS} thresholds` });
    return z.NEVER;
  }
  try {
    return lines.map((l) => parseThresholdLine(l));
  } catch (err) {
    ctx.addIssue({ code: "custom", message: (err as Error).message });
    return z.NEVER;
  }
});

export const startRunSchema = z.object({
  scenario: z.enum(SCENARIO_NAMES as [string, ...string[]], "Choose a scenario"),
  target: z.url({ protocol: /^https?$/, error: "Enter an http(s) URL" }),
  durationS: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().min(5, "At least 5 s").max(L.maxDurationS, `At most ${L.maxDurationS} s`).optional()),
  thresholds: thresholdLines,
  abortOnFail: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const runIdSchema = z.object({ runId: z.uuid() });

export const runListSchema = z.object({
  scenario: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SCENARIO_NAMES as [string, ...string[]]).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["queued", "running", "passed", "failed", "invalid", "cancelled", "aborted"]).optional()),
});
