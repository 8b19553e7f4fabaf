import { describe, expect, it } from "vitest";
import { superviseRun, liveRuns } from "../../lib/services/load-tests/supervisor";
import { db, useFreshConsoleDb } from "../support/console-db";

async function waitFor<T>(fn: () => Promise<T | null>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("run supervisor", () => {
  useFreshConsoleDb("pglite");

  it("marks a run failed, with the crash named, when its process dies", async () => {
    const prisma = await db();
    const run = await prisma.loadTestRun.create({ data: { scenario: "light", target: "http://127.0.0.1:1", status: "running", config: {} } });
    // An unknown scenario makes the worker process throw and exit non-zero.
    superviseRun(run.id, "u1", { scenario: "no-such-scenario", target: "http://127.0.0.1:1", seed: 1, allowHosts: [] });
    expect(liveRuns().has(run.id)).toBe(true);
    const done = await waitFor(async () => {
      const r = await prisma.loadTestRun.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "running" ? null : r;
    });
    expect(done.status).toBe("failed");
    expect(done.summary).toMatchObject({ partial: true, crash: expect.stringMatching(/exited with code [1-9]/) });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(liveRuns().has(run.id)).toBe(false);
  }, 30_000);
});
