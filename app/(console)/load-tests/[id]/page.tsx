import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { requireActor } from "@/lib/auth/dal";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getRun } from "@/lib/services/load-tests/get-run";
import { RunLive } from "@/components/load-tests/run-live";

export const metadata: Metadata = { title: "Load-test run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const run = await getRun(actor, { runId: (await params).id }).catch((err) => {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) notFound();
    throw err;
  });
  return (
    <>
      <p><Link href="/load-tests">← All runs</Link></p>
      <h1>{run.scenario}</h1>
      <p className="muted">Target {run.target} · started {run.startedAt?.replace("T", " ").slice(0, 19)} UTC{run.finishedAt && ` · finished ${run.finishedAt.replace("T", " ").slice(0, 19)} UTC`}</p>
      <RunLive initial={run} canAbort={can(actor.role, "loadtest.run")} />
    </>
  );
}
