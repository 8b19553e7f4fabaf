import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { requireActor } from "@/lib/services/auth/dal";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getRun } from "@/lib/services/load-tests/get-run";
import { RunLive } from "@/components/load-tests/run-live";
import { compareWithBaseline } from "@/lib/services/baselines/compare-with-baseline";
import { runHistory } from "@/lib/services/baselines/run-history";
import { BaselineVerdict } from "@/components/load-tests/baseline-verdict";
import { PromoteBaselineButton } from "@/components/load-tests/promote-baseline-button";
import { RunHistoryPanel } from "@/components/load-tests/run-history";
import { Timestamp } from "@/components/ui/timestamp";
import { abortRunAction, promoteBaselineAction } from "../actions";

export const metadata: Metadata = { title: "Load-test run" };

export default async function RunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ minEffectMs?: string }> }) {
  const actor = await requireActor();
  const run = await getRun(actor, { runId: (await params).id }).catch((err) => {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) notFound();
    throw err;
  });
  const { minEffectMs } = await searchParams;
  // A floor the page cannot use falls back to the default rather than an error page.
  const compare = (floor?: string) => compareWithBaseline(actor, { runId: run.id, minEffectMs: floor ?? "" });
  const [comparison, history] = await Promise.all([compare(minEffectMs).catch((err) => {
    if (err instanceof AppError && err.code === "INVALID_INPUT") return compare();
    throw err;
  }), runHistory(actor, { runId: run.id })]);
  const isBaseline = comparison.baseline?.runId === run.id;
  return (
    <>
      <p><Link href="/load-tests">← All runs</Link></p>
      <h1>{run.scenario}</h1>
      <p className="muted">Target {run.target} · started <Timestamp at={run.startedAt} />{run.finishedAt && <> · finished <Timestamp at={run.finishedAt} /></>}</p>
      <RunLive initial={run} canAbort={can(actor.role, "loadtest.run")} abortAction={abortRunAction} />
      <BaselineVerdict comparison={comparison} />
      {run.status === "passed" && !isBaseline && can(actor.role, "baseline.promote") && <PromoteBaselineButton runId={run.id} action={promoteBaselineAction} />}
      {history && <RunHistoryPanel history={history} runId={run.id} />}
    </>
  );
}
