/**
 * npm run loadtest -- --scenario <name> --target <base-url> [--duration <s>] [--seed <n>] [--json <file>]
 * npm run loadtest -- --url <url> --rate <req/s> --duration <s>        (open model, constant rate)
 * npm run loadtest -- --url <url> --connections <n> --duration <s>     (closed loop, max throughput)
 * Thresholds: --threshold "p(95) < 1000 [@ endpoint]" (repeatable; replaces the defaults), --abort-on-fail.
 * Regression gate: --baseline <run-id|latest|file.json> [--noise <fraction>] compares with a baseline.
 * Exit: 0 all thresholds pass; 1 a threshold or safety check failed; 2 invalid run or bad input;
 *       3 a regression against the baseline.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { env } from "../lib/env";
import { guardTarget, TargetRefused } from "../lib/engines/loadgen/target-guard";
import { httpTarget } from "../lib/engines/loadgen/http-target";
import { rawGetTarget } from "../lib/engines/loadgen/raw-http";
import { compareRuns } from "../lib/engines/regression/run-comparison";
import { baselineArgSchema } from "../lib/validations/baseline";
import { resolveBaseline, type ResolvedBaseline } from "./loadtest-baseline";
import { runLoad } from "../lib/engines/loadgen/run";
import { runScenario } from "../lib/engines/loadgen/run-scenario";
import { singleRequest } from "../lib/engines/loadgen/single-request";
import { BUILT_IN_SCENARIOS } from "../lib/engines/loadgen/scenarios/built-in";
import { DEFAULT_THRESHOLDS, parseThresholdLine, type Threshold } from "../lib/engines/loadgen/thresholds";
import { formatSummary } from "../lib/engines/loadgen/format-summary";
import { loadtestArgsSchema } from "../lib/validations/loadtest";

const OPTIONS = { scenario: {}, target: {}, duration: {}, seed: {}, url: {}, rate: {}, connections: {}, json: {}, baseline: {}, noise: {} } as const;
const FLAG_OPTIONS = {
  threshold: { type: "string" as const, multiple: true },
  "abort-on-fail": { type: "boolean" as const },
};

async function main(): Promise<number> {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({ options: { ...(Object.fromEntries(Object.keys(OPTIONS).map((k) => [k, { type: "string" }])) as Record<string, { type: "string" }>), ...FLAG_OPTIONS } }));
  } catch (err) {
    return usage((err as Error).message);
  }
  const { json, threshold, "abort-on-fail": abortOnFail, baseline: baselineArg, noise: noiseArg, ...rest } = values as Record<string, string | undefined> & { threshold?: string[]; "abort-on-fail"?: boolean };
  let thresholds: Threshold[] | undefined;
  try {
    thresholds = threshold?.map((line) => parseThresholdLine(line, Boolean(abortOnFail)));
  } catch (err) {
    return usage((err as Error).message);
  }
  const parsed = loadtestArgsSchema.safeParse(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
  if (!parsed.success) return usage(parsed.error.issues.map((i) => `${i.path.join(".") || "arguments"}: ${i.message}`).join("; "));
  const args = parsed.data;
  const rawUrl = "scenario" in args ? args.target : args.url;
  const noise = noiseArg === undefined ? undefined : Number(noiseArg);
  if (noise !== undefined && !(noise >= 0 && noise <= 0.5)) return usage("noise: a fraction between 0 and 0.5, e.g. 0.02");
  let baseline: ResolvedBaseline | undefined;
  if (baselineArg !== undefined) {
    const b = baselineArgSchema.safeParse(baselineArg);
    if (!b.success) return usage(`baseline: ${b.error.issues[0]!.message}`);
    if (b.data === "latest" && !("scenario" in args)) return usage("baseline: latest needs --scenario (the console keeps baselines per scenario and target)");
    try {
      baseline = await resolveBaseline(b.data, "scenario" in args ? args.scenario : "", rawUrl);
    } catch (err) {
      return usage(`baseline: ${(err as Error).message}`);
    }
  }
  let pinned;
  try {
    pinned = await guardTarget(rawUrl, env().VIGIL_LOADTEST_ALLOWLIST);
  } catch (err) {
    if (err instanceof TargetRefused) return usage(err.message);
    throw err;
  }
  const path = new URL(rawUrl).pathname + new URL(rawUrl).search;
  const connections = "connections" in args ? args.connections : 256;
  // Ad-hoc runs GET one plain-HTTP URL: the lean keep-alive client keeps up with autocannon
  // (bench/results/loadgen.md). Scenarios need undici's full HTTP (bodies, POSTs, TLS).
  const lean = !("scenario" in args) && new URL(pinned.origin).protocol === "http:";
  const target = (lean ? rawGetTarget : httpTarget)(pinned.origin, { connections, pinnedAddress: pinned });
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  try {
    let result;
    let what: string;
    if ("scenario" in args) {
      const scenario = BUILT_IN_SCENARIOS[args.scenario]!;
      what = `${scenario.name}: ${scenario.title}`;
      result = await runScenario(scenario, target, { durationS: args.duration, seed: args.seed, thresholds, signal: controller.signal, onProgress: progress });
    } else if ("rate" in args) {
      what = `constant arrival rate ${args.rate} req/s for ${args.duration} s`;
      result = await runLoad({ kind: "open", startRate: args.rate, stages: [{ durationS: args.duration, target: args.rate }], maxInFlight: 1000 }, singleRequest(target, `GET ${path}`, path), thresholds ?? DEFAULT_THRESHOLDS, { signal: controller.signal, onProgress: progress });
    } else {
      what = `closed loop, ${args.connections} connections for ${args.duration} s`;
      result = await runLoad({ kind: "closed", startVUs: args.connections, stages: [{ durationS: args.duration, target: args.connections }] }, singleRequest(target, `GET ${path}`, path), thresholds ?? DEFAULT_THRESHOLDS, { signal: controller.signal, onProgress: progress });
    }
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.log(formatSummary(result, { what, target: `${pinned.origin} (pinned to ${pinned.address})` }));
    const comparison = baseline ? compareRuns(baseline, result, { noise: noise ?? baseline.noise ?? undefined }) : undefined;
    if (comparison && baseline) {
      console.log(`\n  against baseline ${baseline.label}: ${comparison.verdict.toUpperCase()}`);
      for (const line of comparison.explanation) console.log(`    ${line}`);
    }
    if (json) writeFileSync(json, JSON.stringify({ target: pinned.origin, ...result, ...(comparison ? { comparison } : {}) }, null, 2) + "\n");
    if (result.invalid) return 2;
    if (comparison?.verdict === "regression") return 3;
    return result.passed ? 0 : 1;
  } finally {
    await target.close();
  }
}

/** Live progress: redrawn in place on a terminal, one line every 10 s in CI logs. */
function progress(rec: { overall: { requests: number; errors: number } }, elapsedS: number) {
  const line = `  running ${elapsedS.toFixed(0)} s: ${rec.overall.requests} requests, ${rec.overall.errors} errors`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
  else if (Math.round(elapsedS) % 10 === 0) process.stderr.write(`${line}\n`);
}

function usage(message: string): number {
  console.error(`loadtest: ${message}\nusage: npm run loadtest -- --scenario <name> --target <url> [--duration s] [--json file]\n       npm run loadtest -- --url <url> (--rate <req/s> | --connections <n>) --duration <s> [--json file]\n       thresholds: [--threshold "p(95) < 1000 @ endpoint"]... [--abort-on-fail]
       regression gate: [--baseline <run-id|latest|file.json>] [--noise 0.02]   (exit 3 on a regression)`);
  return 2;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`loadtest failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
