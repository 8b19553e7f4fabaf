import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { db } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import type { ScenarioRun } from "@/core/engines/loadgen/run-scenario";
import type { RunProgress } from "@/core/engines/loadgen/progress";
import type { FromWorker, ToWorker, WorkerStart } from "./worker-protocol";

interface LiveRun {
  child: ChildProcess;
  userId: string;
  progress: RunProgress | null;
  cancelled: boolean;
}

// Built at run time so the bundler does not try to bundle the worker script: it runs as its own
// Node process from the source tree (with tsx), outside the console's bundle.
const WORKER_SEGMENTS: string[] = ["scripts", "run-worker.ts"];
const workerPath = () => join(process.cwd(), ...WORKER_SEGMENTS);

const KEY = Symbol.for("vigil.liveRuns");
type Holder = { [KEY]?: Map<string, LiveRun> };

/** Runs executing in this console process, by run id. */
export function liveRuns(): Map<string, LiveRun> {
  const h = globalThis as Holder;
  return (h[KEY] ??= new Map());
}

// Progress reaches the database at most this often; the live page reads memory first.
const PERSIST_EVERY_MS = 2000;

function statusOf(r: ScenarioRun, cancelled: boolean) {
  if (r.safetyFailure || r.thresholdAbort) return "aborted" as const;
  if (cancelled || r.cancelled) return "cancelled" as const;
  if (r.invalid) return "invalid" as const;
  return r.passed ? ("passed" as const) : ("failed" as const);
}

/**
 * Starts the run's child process and keeps the database row in step with it. A crash marks
 * the run failed and keeps the last progress received as its partial summary.
 */
export function superviseRun(runId: string, userId: string, start: Omit<WorkerStart, "type">): void {
  const child = fork(workerPath(), [], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const live: LiveRun = { child, userId, progress: null, cancelled: false };
  liveRuns().set(runId, live);
  let lastPersist = 0;
  let done = false;
  const update = async (data: Prisma.LoadTestRunUpdateInput) => (await db()).loadTestRun.update({ where: { id: runId }, data });

  const send = (msg: ToWorker) => child.send(msg);
  child.on("message", (msg: FromWorker) => {
    if (msg.type === "progress") {
      live.progress = msg.progress;
      if (Date.now() - lastPersist > PERSIST_EVERY_MS) {
        lastPersist = Date.now();
        void update({ summary: { live: true, ...msg.progress } as unknown as Prisma.InputJsonValue }).catch(() => {});
      }
    } else if (msg.type === "done") {
      done = true;
      const { windows, histogram, endpointHistograms, ...summary } = msg.result;
      void update({
        status: statusOf(msg.result, live.cancelled),
        summary: summary as unknown as Prisma.InputJsonValue,
        histograms: { overall: histogram, endpoints: endpointHistograms },
        windows: windows as unknown as Prisma.InputJsonValue,
        finishedAt: new Date(),
      });
    }
  });
  child.on("exit", (code) => {
    liveRuns().delete(runId);
    if (!done) {
      const partial = { partial: true, crash: `run process exited with code ${code}`, ...live.progress };
      void update({ status: "failed", summary: partial as unknown as Prisma.InputJsonValue, finishedAt: new Date() });
    }
  });
  send({ type: "start", ...start });
}

export function cancelLiveRun(runId: string): boolean {
  const live = liveRuns().get(runId);
  if (!live) return false;
  live.cancelled = true;
  live.child.send({ type: "cancel" } satisfies ToWorker);
  return true;
}
