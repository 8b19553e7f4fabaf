/**
 * A load-test run in its own process, off the console's event loop. The console sends one
 * `start` message over IPC, may send `cancel`, and receives `progress` about once a second and
 * one `done` (or the process exits non-zero: the console then marks the run failed and keeps
 * the last progress it saw).
 */
import { guardTarget } from "../lib/engines/loadgen/target-guard";
import { httpTarget } from "../lib/engines/loadgen/http-target";
import { runScenario } from "../lib/engines/loadgen/run-scenario";
import { BUILT_IN_SCENARIOS } from "../lib/engines/loadgen/scenarios/built-in";
import type { RunRecorder } from "../lib/engines/loadgen/recorder";
import { summarize } from "../lib/engines/loadgen/histogram";
import type { Threshold } from "../lib/engines/loadgen/thresholds";

export interface WorkerStart {
  type: "start";
  scenario: string;
  target: string;
  durationS?: number;
  seed: number;
  thresholds?: Threshold[];
  allowHosts: string[];
}

const controller = new AbortController();

function snapshot(rec: RunRecorder, elapsedS: number) {
  return {
    elapsedS,
    requests: rec.overall.requests,
    errors: rec.overall.errors,
    late: rec.late,
    dropped: rec.dropped,
    latencyMs: summarize(rec.overall.histogram),
    endpoints: rec.endpointStats(),
    series: rec.series(),
  };
}

process.on("message", async (msg: WorkerStart | { type: "cancel" }) => {
  if (msg.type === "cancel") return controller.abort();
  const scenario = BUILT_IN_SCENARIOS[msg.scenario];
  if (!scenario) throw new Error(`unknown scenario ${msg.scenario}`);
  const pinned = await guardTarget(msg.target, msg.allowHosts);
  const target = httpTarget(pinned.origin, { connections: 256, pinnedAddress: pinned });
  try {
    const result = await runScenario(scenario, target, {
      durationS: msg.durationS,
      seed: msg.seed,
      thresholds: msg.thresholds,
      signal: controller.signal,
      onProgress: (rec, elapsedS) => process.send?.({ type: "progress", progress: snapshot(rec, elapsedS) }),
    });
    process.send?.({ type: "done", result }, () => process.exit(0));
  } finally {
    await target.close();
  }
});
