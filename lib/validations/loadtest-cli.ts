import { parseArgs } from "node:util";
import { parseHeaderLine } from "@/core/engines/loadgen/http-target";
import { SCENARIO_NAMES } from "@/core/engines/loadgen/scenarios/built-in";
import { BUILT_IN_SCENARIOS } from "@/core/engines/loadgen/scenarios/built-in";
import { parseThresholdLine, type Threshold } from "@/core/engines/loadgen/thresholds";
import { unknownScopeMessage, scenarioClasses, scenarioEndpoints } from "@/core/engines/loadgen/threshold-scopes";
import { baselineArgSchema } from "./baseline";
import { parseModeArgs, type LoadtestArgs } from "./loadtest";
import { runFields } from "./run";

export const LOADTEST_USAGE = `usage: npm run loadtest -- --scenario <name> --target <url> [--duration s] [--seed n] [--json file]
       npm run loadtest -- --url <url> (--rate <req/s> | --connections <n>) --duration <s> [--json file]
  scenarios: ${SCENARIO_NAMES.join(", ")}
  thresholds: [--threshold "p(95) < 1000 [@ endpoint]"]... (replace the defaults) [--abort-on-fail]
  credentials: [--header "Name: value"]... [--token <bearer token>] sent with every request; runs against
    CLINICAL_URL without them get the console's token (CLINICAL_CLIENT_ID / CLINICAL_CLIENT_SECRET)
  regression gate: [--baseline <run-id|latest|file.json>] [--noise 0.02] [--min-effect-ms ms] [--allow-inconclusive]
    --min-effect-ms: smallest latency change that counts (default 5% of the baseline's p95, at least 1 ms)
  exit codes: 0 passed; 1 a threshold or safety check failed; 2 invalid run or bad input;
              3 a regression against the baseline; 4 the comparison was inconclusive (not enough
              data; --allow-inconclusive turns this into 0)
  --help: this text`;

export interface LoadtestCli {
  args: LoadtestArgs;
  thresholds?: Threshold[];
  json?: string;
  baseline?: string;
  noise?: number;
  minEffectMs?: number;
  allowInconclusive: boolean;
  /** Extra request headers (lower-case names): --header lines, and --token as `authorization: Bearer …`. */
  headers: Record<string, string>;
}

export type ParsedCli = { kind: "help" } | { kind: "error"; message: string } | { kind: "run"; cli: LoadtestCli };

const STRINGS = ["scenario", "target", "duration", "seed", "url", "rate", "connections", "json", "baseline", "noise", "min-effect-ms", "token"] as const;

/** `npm run loadtest -- …` arguments → what to run, `--help`, or the first problem in words. */
export function parseLoadtestCli(argv: string[]): ParsedCli {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(STRINGS.map((k) => [k, { type: "string" as const }])),
        threshold: { type: "string", multiple: true },
        header: { type: "string", multiple: true },
        "abort-on-fail": { type: "boolean" },
        "allow-inconclusive": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    return { kind: "error", message: (err as Error).message };
  }
  if (values.help) return { kind: "help" };
  const v = values as Record<string, string | undefined> & { threshold?: string[]; header?: string[]; "abort-on-fail"?: boolean; "allow-inconclusive"?: boolean };
  const { json, threshold, header, token, baseline, noise: noiseArg, "min-effect-ms": minEffectArg, "abort-on-fail": abortOnFail, "allow-inconclusive": allowInconclusive, help: _help, ...rest } = v;
  let thresholds: Threshold[] | undefined;
  try {
    thresholds = threshold?.map((line) => parseThresholdLine(line, Boolean(abortOnFail)));
  } catch (err) {
    return { kind: "error", message: (err as Error).message };
  }
  const mode = parseModeArgs(Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => e[1] !== undefined)));
  if (!mode.ok) return { kind: "error", message: mode.message };
  const args = mode.args;
  if (thresholds) {
    const problem = "scenario" in args
      ? unknownScopeMessage(thresholds, `scenario ${args.scenario}`, scenarioEndpoints(BUILT_IN_SCENARIOS[args.scenario]!), scenarioClasses(BUILT_IN_SCENARIOS[args.scenario]!))
      : unknownScopeMessage(thresholds, "this run", [adHocEndpoint(args.url)]);
    if (problem) return { kind: "error", message: `threshold ${problem}` };
  }
  const noise = noiseArg === undefined ? undefined : Number(noiseArg);
  if (noise !== undefined && !(noise >= 0 && noise <= 0.5)) return { kind: "error", message: "noise: a fraction between 0 and 0.5, e.g. 0.02" };
  let minEffectMs: number | undefined;
  if (minEffectArg !== undefined) {
    const m = runFields.minEffectMs.safeParse(minEffectArg);
    if (!m.success) return { kind: "error", message: `min-effect-ms: ${m.error.issues[0]!.message}` };
    minEffectMs = m.data;
  }
  if (baseline !== undefined) {
    const b = baselineArgSchema.safeParse(baseline);
    if (!b.success) return { kind: "error", message: `baseline: ${b.error.issues[0]!.message}` };
    if (b.data === "latest" && !("scenario" in args)) return { kind: "error", message: "baseline: latest needs --scenario (the console keeps baselines per scenario and target)" };
  }
  const headers: Record<string, string> = {};
  for (const line of header ?? []) {
    const h = parseHeaderLine(line);
    if (!h) return { kind: "error", message: `header: "${line}" is not "Name: value"` };
    headers[h[0]] = h[1];
  }
  if (token !== undefined) {
    if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) return { kind: "error", message: "token: not a bearer token" };
    headers.authorization = `Bearer ${token}`;
  }
  return { kind: "run", cli: { args, thresholds, json, baseline, noise, minEffectMs, allowInconclusive: Boolean(allowInconclusive), headers } };
}

/** The endpoint name of an ad-hoc run against one URL. */
export function adHocEndpoint(url: string): string {
  const u = new URL(url);
  return `GET ${u.pathname}${u.search}`;
}
