/**
 * A load-test run in its own process, off the console's event loop. The console sends one
 * `start` message over IPC, may send `cancel`, and receives `progress` about once a second and
 * one `done` (or the process exits non-zero: the console then marks the run failed and keeps
 * the last progress it saw). Message types: lib/services/load-tests/worker-protocol.ts.
 */
import { guardTarget } from "@/core/engines/loadgen/target-guard";
import { httpTarget } from "@/core/engines/loadgen/http-target";
import { runScenario } from "@/core/engines/loadgen/run-scenario";
import { BUILT_IN_SCENARIOS } from "@/core/engines/loadgen/scenarios/built-in";
import { progressSnapshot } from "@/core/engines/loadgen/progress";
import { keepTokenFresh } from "@/core/auth/token-client";
import type { FromWorker, ToWorker } from "../lib/services/load-tests/worker-protocol";
import { clinicalTokenClient, isClinicalService } from "../lib/services/load-tests/clinical-credentials";

const controller = new AbortController();
const send = (msg: FromWorker, then: () => void = () => {}) => process.send?.(msg, then);

process.on("message", async (msg: ToWorker) => {
  if (msg.type === "cancel") return controller.abort();
  const scenario = BUILT_IN_SCENARIOS[msg.scenario];
  if (!scenario) throw new Error(`unknown scenario ${msg.scenario}`);
  const pinned = await guardTarget(msg.target, msg.allowHosts);
  const target = httpTarget(pinned.origin, { connections: 256, pinnedAddress: pinned });
  // Runs against the configured clinical service carry the console's token, renewed before it expires.
  const tokens = isClinicalService(msg.target) ? clinicalTokenClient() : null;
  const stopTokens = tokens
    ? await keepTokenFresh(tokens, (t) => target.setHeaders({ authorization: `Bearer ${t}` }), (err) => console.error(`load test: token renewal failed: ${(err as Error).message}`))
    : () => {};
  try {
    const result = await runScenario(scenario, target, {
      durationS: msg.durationS,
      seed: msg.seed,
      thresholds: msg.thresholds,
      signal: controller.signal,
      onProgress: (rec, elapsedS, thresholds) => send({ type: "progress", progress: progressSnapshot(rec, elapsedS, thresholds) }),
    });
    send({ type: "done", result }, () => process.exit(0));
  } finally {
    stopTokens();
    await target.close();
  }
});
