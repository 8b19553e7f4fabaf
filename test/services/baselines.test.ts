import { describe, expect, it } from "vitest";
import { promoteBaseline } from "../../lib/services/baselines/promote-baseline";
import { compareWithBaseline } from "../../lib/services/baselines/compare-with-baseline";
import { runHistory } from "../../lib/services/baselines/run-history";
import { mulberry32 } from "@/core/engines/random";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

const TARGET = "http://127.0.0.1:4000";

/** A 5-minute run's 10-second windows for one endpoint, p95 around `p95` ms with 2% window noise. */
function windows(p95: number, seed: number, errorsPerWindow = 0) {
  const random = mulberry32(seed);
  return {
    "patient lookup: read patient": Array.from({ length: 30 }, (_, i) => {
      const jitter = 1 + 0.04 * (random() - 0.5);
      return { startS: i * 10, requests: 1000, errors: errorsPerWindow, p50: p95 * 0.4 * jitter, p95: p95 * jitter, p99: p95 * 1.5 * jitter };
    }),
  };
}

async function storedRun(p95: number, seed: number, opts: { status?: "passed" | "failed"; createdAt?: Date; errors?: number; scenario?: string } = {}) {
  return (await db()).loadTestRun.create({
    data: {
      scenario: opts.scenario ?? "normal", target: TARGET, status: opts.status ?? "passed", config: {},
      summary: { durationS: 300, requests: 30_000, latencyMs: { p95 } }, windows: windows(p95, seed, opts.errors), createdAt: opts.createdAt,
    },
  });
}

const WHY = "release 4.2 measured on the quiet Sunday window";

describe.each(consoleDbKinds())("baselines and regression verdicts on %s", (kind) => {
  useFreshConsoleDb(kind);

  it("lets only an admin promote, audits refusals, and refuses a failed run", async () => {
    const run = await storedRun(400, 1);
    const ops = await makeActor("ops");
    await expect(promoteBaseline(ops, { runId: run.id, reason: WHY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await auditEventsFor({ action: "access.denied", actor: ops.email })).toHaveLength(1);
    const failed = await storedRun(400, 2, { status: "failed" });
    await expect(promoteBaseline(await makeActor("admin"), { runId: failed.id, reason: WHY })).rejects.toThrow(/Only a passed run/);
    await expect(promoteBaseline(await makeActor("admin"), { runId: "not-a-uuid", reason: WHY })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    // Every change says why: no reason, no baseline.
    await expect(promoteBaseline(await makeActor("admin"), { runId: run.id })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: [expect.any(String)] } });
  });

  it("promotes with the noise measured against the previous run, then judges later runs three ways", async () => {
    const admin = await makeActor("admin");
    const before = await storedRun(400, 10, { createdAt: new Date(Date.now() - 60_000), scenario: "peak" });
    const base = await storedRun(404, 11, { scenario: "peak" });
    const { noise } = await promoteBaseline(admin, { runId: base.id, reason: WHY });
    expect(noise).toBeGreaterThan(0);
    expect(noise).toBeLessThan(0.05);
    const [event] = await auditEventsFor({ action: "baseline.promote", actor: admin.email });
    expect(event).toMatchObject({ target: base.id, outcome: "success" });
    expect(event!.after).toMatchObject({ runId: base.id, noiseRunId: before.id, reason: WHY });

    const viewer = await makeActor("compliance");
    expect(await compareWithBaseline(viewer, { runId: base.id })).toMatchObject({ result: null, reason: "This run is the baseline." });

    const slowed = await storedRun(520, 12, { scenario: "peak" });
    const slow = await compareWithBaseline(viewer, { runId: slowed.id });
    expect(slow.result!.verdict).toBe("regression");
    expect(slow.result!.explanation.join(" ")).toMatch(/p95 rose from 40\d ms to 5\d\d ms/);

    const same = await compareWithBaseline(viewer, { runId: (await storedRun(402, 13, { scenario: "peak" })).id });
    expect(same.result!.verdict).toBe("no-change");

    const erroring = await compareWithBaseline(viewer, { runId: (await storedRun(404, 14, { errors: 20, scenario: "peak" })).id });
    expect(erroring.result!.verdict).toBe("regression");
    expect(erroring.result!.errors[0]).toMatchObject({ outcome: "regression" });
  });

  it("marks a change point in a scenario's history and starts the effective baseline there", async () => {
    const prisma = await db();
    const random = mulberry32(7);
    const t0 = Date.now() - 3_600_000;
    const rows = Array.from({ length: 80 }, (_, i) => ({
      scenario: "heavy", target: TARGET, status: "passed" as const, config: {},
      summary: { durationS: 60, latencyMs: { p95: (i < 50 ? 300 : 330) * (1 + 0.02 * (random() - 0.5)) } }, createdAt: new Date(t0 + i * 1000),
    }));
    await prisma.loadTestRun.createMany({ data: rows });
    const last = await prisma.loadTestRun.findFirstOrThrow({ where: { scenario: "heavy" }, orderBy: { createdAt: "desc" } });
    const h = (await runHistory(await makeActor("ops"), { runId: last.id }))!;
    expect(h.points).toHaveLength(80);
    expect(h.changePoints).toHaveLength(1);
    expect(Math.abs(h.changePoints[0]!.index - 50)).toBeLessThanOrEqual(2);
    expect(h.effectiveStart).toBe(h.changePoints[0]!.index);
  });
});
