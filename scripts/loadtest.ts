/**
 * `npm run loadtest -- --help` prints the usage, the scenarios and the exit codes
 * (lib/validations/loadtest-cli.ts holds the parsing, core/engines/loadgen/exit-code.ts the codes).
 */
import { writeFileSync } from "node:fs";
import { env } from "../lib/env";
import { guardTarget, TargetRefused } from "@/core/engines/loadgen/target-guard";
import { httpTarget } from "@/core/engines/loadgen/http-target";
import { rawGetTarget } from "@/core/engines/loadgen/raw-http";
import { compareRuns } from "@/core/engines/regression/run-comparison";
import { runLoad } from "@/core/engines/loadgen/run";
import { runScenario, scenarioDurationS } from "@/core/engines/loadgen/run-scenario";
import { singleRequest } from "@/core/engines/loadgen/single-request";
import { BUILT_IN_SCENARIOS } from "@/core/engines/loadgen/scenarios/built-in";
import { DEFAULT_THRESHOLDS } from "@/core/engines/loadgen/thresholds";
import { formatComparison, formatSummary } from "@/core/engines/loadgen/format-summary";
import { verdictWarning } from "@/core/engines/loadgen/verdict-warning";
import { EXIT, exitCodeOf } from "@/core/engines/loadgen/exit-code";
import { adHocEndpoint, LOADTEST_USAGE, parseLoadtestCli } from "../lib/validations/loadtest-cli";
import { resolveBaseline, type ResolvedBaseline } from "../lib/services/load-tests/resolve-baseline";
import { closeConsoleDb } from "../lib/db/prisma";
import { keepTokenFresh } from "@/core/auth/token-client";
import { clinicalTokenClient, CREDENTIALS_MISSING, isClinicalService } from "../lib/services/load-tests/clinical-credentials";

async function main(): Promise<number> {
  const parsed = parseLoadtestCli(process.argv.slice(2));
  if (parsed.kind === "help") {
    console.log(LOADTEST_USAGE);
    return EXIT.passed;
  }
  if (parsed.kind === "error") return usage(parsed.message);
  const { args, thresholds, json, baseline: baselineArg, noise, minEffectMs, allowInconclusive, headers } = parsed.cli;
  const rawUrl = "scenario" in args ? args.target : args.url;
  let baseline: ResolvedBaseline | undefined;
  if (baselineArg !== undefined) {
    try {
      baseline = await resolveBaseline(baselineArg, "scenario" in args ? args.scenario : "", rawUrl);
    } catch (err) {
      return usage(`baseline: ${(err as Error).message}`);
    } finally {
      await closeConsoleDb();
    }
  }
  let pinned;
  try {
    pinned = await guardTarget(rawUrl, env().VIGIL_LOADTEST_ALLOWLIST);
  } catch (err) {
    if (err instanceof TargetRefused) return usage(err.message);
    throw err;
  }
  const scenario = "scenario" in args ? BUILT_IN_SCENARIOS[args.scenario]! : null;
  const warning = verdictWarning("scenario" in args ? scenarioDurationS(scenario!, args.duration) : args.duration);
  if (warning) console.error(`loadtest: warning: ${warning}`);
  const path = adHocEndpoint(rawUrl).slice("GET ".length);
  const connections = "connections" in args ? args.connections : 256;
  // Ad-hoc runs GET one plain-HTTP URL: the lean keep-alive client keeps up with autocannon
  // (bench/results/loadgen.md). Scenarios need undici's full HTTP (bodies, POSTs, TLS).
  const lean = !scenario && new URL(pinned.origin).protocol === "http:";
  const target = (lean ? rawGetTarget : httpTarget)(pinned.origin, { connections, pinnedAddress: pinned, headers });
  // The configured clinical service needs a token: the console's client gets one (renewed while
  // the run lasts) unless the command line brought its own Authorization.
  let stopTokens = () => {};
  if (!headers.authorization && isClinicalService(pinned.origin)) {
    const tokens = clinicalTokenClient();
    if (!tokens) console.error(`loadtest: warning: ${CREDENTIALS_MISSING}`);
    else {
      const extra = (t: string) => target.setHeaders({ ...headers, authorization: `Bearer ${t}` });
      try {
        stopTokens = await keepTokenFresh(tokens, extra, (err) => console.error(`loadtest: token renewal failed: ${(err as Error).message}`));
      } catch (err) {
        await target.close();
        return usage(`clinical service token: ${(err as Error).message}`);
      }
    }
  }
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  try {
    let result;
    let what: string;
    if (scenario && "scenario" in args) {
      what = `${scenario.name}: ${scenario.title}`;
      result = await runScenario(scenario, target, { durationS: args.duration, seed: args.seed, thresholds, signal: controller.signal, onProgress: progress });
    } else if ("rate" in args) {
      what = `constant arrival rate ${args.rate} req/s for ${args.duration} s`;
      result = await runLoad({ kind: "open", startRate: args.rate, stages: [{ durationS: args.duration, target: args.rate }], maxInFlight: 1000 }, singleRequest(target, `GET ${path}`, path), thresholds ?? DEFAULT_THRESHOLDS, { signal: controller.signal, onProgress: progress });
    } else if ("connections" in args) {
      what = `closed loop, ${args.connections} connections for ${args.duration} s`;
      result = await runLoad({ kind: "closed", startVUs: args.connections, stages: [{ durationS: args.duration, target: args.connections }] }, singleRequest(target, `GET ${path}`, path), thresholds ?? DEFAULT_THRESHOLDS, { signal: controller.signal, onProgress: progress });
    } else throw new Error("unreachable");
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.log(formatSummary(result, { what, target: `${pinned.origin} (pinned to ${pinned.address})` }));
    const comparison = baseline ? compareRuns(baseline, result, { noise: noise ?? baseline.noise ?? undefined, absoluteFloorMs: minEffectMs }) : undefined;
    if (comparison && baseline) console.log(`\n${formatComparison(comparison, baseline.label, allowInconclusive)}`);
    if (json) writeFileSync(json, JSON.stringify({ target: pinned.origin, ...result, ...(comparison ? { comparison } : {}) }, null, 2) + "\n");
    return exitCodeOf(result, comparison?.verdict, allowInconclusive);
  } finally {
    stopTokens();
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
  console.error(`loadtest: ${message}\n${LOADTEST_USAGE}`);
  return EXIT.invalid;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`loadtest failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(EXIT.invalid);
});
