import "server-only";
import type { Actor } from "../../../auth/actor";
import { windowMeans } from "@/core/engines/db-insight/query-means";
import { startRun } from "../../load-tests/start-run";
import { statementSnapshot } from "./statement-snapshot";
import { waitForRun } from "./wait-for-run";

/** Runs the scenario and waits for it, with pg_stat_statements' counters read on either side. */
export async function measuredRun(actor: Actor, scenario: string, target: string, durationS: number, onStart: (runId: string) => Promise<void>) {
  const before = await statementSnapshot();
  const { id } = await startRun(actor, { scenario, target, durationS: String(durationS), thresholds: "", abortOnFail: false });
  await onStart(id);
  const { status } = await waitForRun(id, durationS);
  const after = await statementSnapshot();
  return { runId: id, status, means: windowMeans(before, after) };
}
