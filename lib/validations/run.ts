import { z } from "zod";
import { LOADTEST_LIMITS as L } from "@/core/engines/loadgen/limits";
import { BUILT_IN_SCENARIOS, SCENARIO_NAMES } from "@/core/engines/loadgen/scenarios/built-in";
import { parseThresholdLine, type Threshold } from "@/core/engines/loadgen/thresholds";
import { scenarioClasses, scenarioEndpoints, unknownScopeMessage } from "@/core/engines/loadgen/threshold-scopes";

const MAX_THRESHOLDS = 20;

/** The fields a run request has, defined once: the console's start form and the CLI both use them. */
export const runFields = {
  scenario: z.enum(SCENARIO_NAMES as [string, ...string[]], `Choose a scenario: one of ${SCENARIO_NAMES.join(", ")}`),
  target: z.url({ protocol: /^https?$/, error: "Enter an http(s) URL" }),
  durationS: z.coerce.number().min(1, "At least 1 s").max(L.maxDurationS, `At most ${L.maxDurationS} s`),
  seed: z.coerce.number().int().min(0).default(1),
  /** Smallest latency change in ms a baseline comparison counts (default: 5% of the baseline p95, at least 1 ms). */
  minEffectMs: z.coerce.number().min(0, "At least 0 ms").max(60_000, "At most 60000 ms"),
};

/** Per-endpoint thresholds must name an endpoint (or class) of the scenario. */
export function checkThresholdScopes(scenario: string, thresholds: Threshold[] | undefined, ctx: z.RefinementCtx, path: string): void {
  const s = BUILT_IN_SCENARIOS[scenario];
  if (!s || !thresholds) return;
  const message = unknownScopeMessage(thresholds, scenario, scenarioEndpoints(s), scenarioClasses(s));
  if (message) ctx.addIssue({ code: "custom", path: [path], message });
}

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

const blankIsUnset = (v: unknown) => (v === "" || v === undefined ? undefined : v);

export const startRunSchema = z
  .object({
    scenario: runFields.scenario,
    target: runFields.target,
    durationS: z.preprocess(blankIsUnset, runFields.durationS.optional()),
    thresholds: thresholdLines,
    abortOnFail: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .superRefine((v, ctx) => checkThresholdScopes(v.scenario, v.thresholds, ctx, "thresholds"));

export const runIdSchema = z.object({ runId: z.uuid() });

/** The run page: which run, and optionally the smallest change its baseline comparison counts. */
export const runComparisonSchema = runIdSchema.extend({ minEffectMs: z.preprocess(blankIsUnset, runFields.minEffectMs.optional()) });

export const runListSchema = z.object({
  scenario: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SCENARIO_NAMES as [string, ...string[]]).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["queued", "running", "passed", "failed", "invalid", "cancelled", "aborted"]).optional()),
});
