import { z } from "zod";
import { LOADTEST_LIMITS as L } from "@/core/engines/loadgen/limits";
import { SCENARIO_NAMES } from "@/core/engines/loadgen/scenarios/built-in";

/**
 * The regression verdict needs six steady 10-second windows per run after the 10% warm-up:
 * 70 s is the shortest run that has them (windows 10-60 s).
 */
export const MIN_OPTIMIZE_RUN_S = 70;
/**
 * Seven windows: six give an exact Mann-Whitney p of at best 1/924, which Holm's correction over
 * a dozen endpoint comparisons lifts above 0.01 (never significant); seven reach 1/3432.
 */
export const DEFAULT_OPTIMIZE_RUN_S = 80;

export const startOptimizeSchema = z.object({
  scenario: z.enum(SCENARIO_NAMES as [string, ...string[]], "Choose a scenario"),
  durationS: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce.number().int().min(MIN_OPTIMIZE_RUN_S, `At least ${MIN_OPTIMIZE_RUN_S} s (the verdict needs six 10-second windows)`).max(L.maxDurationS, `At most ${L.maxDurationS} s`).default(DEFAULT_OPTIMIZE_RUN_S),
  ),
});

/** A reason someone will read in the audit trail months later: a sentence, not a keystroke. */
export const confirmOptimizeSchema = z.object({
  sessionId: z.uuid(),
  reason: z.string().trim().min(8, "Say why in a sentence (at least 8 characters)").max(500),
});

export const optimizeIdSchema = z.object({ sessionId: z.uuid() });
