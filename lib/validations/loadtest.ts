import { z } from "zod";
import { LOADTEST_LIMITS as L } from "../engines/loadgen/limits";
import { SCENARIO_NAMES } from "../engines/loadgen/scenarios/built-in";

const url = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const duration = z.coerce.number().positive().max(L.maxDurationS, `at most ${L.maxDurationS} s`);

/** The three CLI modes; the console's start form uses the scenario one. */
export const loadtestArgsSchema = z.union([
  z.object({ scenario: z.enum(SCENARIO_NAMES as [string, ...string[]], `one of: ${SCENARIO_NAMES.join(", ")}`), target: url, duration: duration.optional(), seed: z.coerce.number().int().min(0).default(1) }).strict(),
  z.object({ url, rate: z.coerce.number().positive().max(L.maxRate, `at most ${L.maxRate} req/s`), duration }).strict(),
  z.object({ url, connections: z.coerce.number().int().min(1).max(L.maxConnections, `at most ${L.maxConnections}`), duration }).strict(),
]);

export type LoadtestArgs = z.infer<typeof loadtestArgsSchema>;
