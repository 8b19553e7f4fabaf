import { z } from "zod";
import { LOADTEST_LIMITS as L } from "../engines/loadgen/limits";
import { SCENARIO_NAMES } from "../engines/loadgen/scenarios/built-in";

export const startRunSchema = z.object({
  scenario: z.enum(SCENARIO_NAMES as [string, ...string[]], "Choose a scenario"),
  target: z.url({ protocol: /^https?$/, error: "Enter an http(s) URL" }),
  durationS: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().min(5, "At least 5 s").max(L.maxDurationS, `At most ${L.maxDurationS} s`).optional()),
});

export const runIdSchema = z.object({ runId: z.uuid() });

export const runListSchema = z.object({
  scenario: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SCENARIO_NAMES as [string, ...string[]]).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["queued", "running", "passed", "failed", "invalid", "cancelled", "aborted"]).optional()),
});
