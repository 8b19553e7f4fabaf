import { z } from "zod";
import { LOADTEST_LIMITS as L } from "@/core/engines/loadgen/limits";
import { runFields } from "./run";

/** The CLI's scenario mode: the console's start form's fields (one definition, lib/validations/run.ts). */
export const scenarioArgsSchema = z.object({ scenario: runFields.scenario, target: runFields.target, duration: runFields.durationS.optional(), seed: runFields.seed }).strict();
const rateArgs = z.object({ url: runFields.target, rate: z.coerce.number().positive().max(L.maxRate, `at most ${L.maxRate} req/s`), duration: runFields.durationS }).strict();
const connectionArgs = z.object({ url: runFields.target, connections: z.coerce.number().int().min(1).max(L.maxConnections, `at most ${L.maxConnections}`), duration: runFields.durationS }).strict();

/** The three CLI modes; the console's start form uses the scenario one's fields. */
export const loadtestArgsSchema = z.union([scenarioArgsSchema, rateArgs, connectionArgs]);

export type LoadtestArgs = z.infer<typeof loadtestArgsSchema>;

/**
 * Validates the CLI's mode arguments against the one schema their mode names (so an unknown
 * scenario says which scenarios there are, not a union's "Invalid input").
 */
export function parseModeArgs(raw: Record<string, string>): { ok: true; args: LoadtestArgs } | { ok: false; message: string } {
  const schema = "scenario" in raw ? scenarioArgsSchema : "rate" in raw ? rateArgs : "connections" in raw ? connectionArgs : null;
  if (!schema) return { ok: false, message: "give --scenario <name> --target <url>, or --url <url> with --rate <req/s> or --connections <n>" };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, args: parsed.data };
  const message = parsed.error.issues
    .map((i) => (i.code === "unrecognized_keys" ? `--${i.keys.join(", --")} cannot be combined with ${"scenario" in raw ? "--scenario" : "--url"}` : `${i.path.join(".") || "arguments"}: ${i.message}`))
    .join("; ");
  return { ok: false, message };
}
