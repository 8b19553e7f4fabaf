import "server-only";
import type { ScenarioRun } from "@/core/engines/loadgen/run-scenario";
import type { RunProgress } from "@/core/engines/loadgen/progress";
import type { Threshold } from "@/core/engines/loadgen/thresholds";

/**
 * The messages between the console (supervisor.ts) and a run's own process (scripts/run-worker.ts),
 * over Node's IPC channel. Both sides import these types (type-only, so the worker loads nothing
 * server-only): the console sends one `start` and may send `cancel`; the worker sends `progress`
 * about once a second and one `done`.
 */
export interface WorkerStart {
  type: "start";
  scenario: string;
  target: string;
  durationS?: number;
  seed: number;
  thresholds?: Threshold[];
  allowHosts: string[];
}

export type ToWorker = WorkerStart | { type: "cancel" };

export type FromWorker = { type: "progress"; progress: RunProgress } | { type: "done"; result: ScenarioRun };
