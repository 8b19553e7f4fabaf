import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRun } from "../../lib/services/load-tests/start-run";
import { cancelLiveRun, liveRuns } from "../../lib/services/load-tests/supervisor";
import { LOADTEST_LIMITS } from "@/core/engines/loadgen/limits";
import { loopbackServer } from "@/core/engines/loadgen/test-server";
import { abortRun } from "../../lib/services/load-tests/abort-run";
import { listRuns } from "../../lib/services/load-tests/list-runs";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

describe.each(consoleDbKinds())("load-test run verbs on %s", (kind) => {
  useFreshConsoleDb(kind);

  it("refuses compliance starting a run, audited, nothing created", async () => {
    const c = await makeActor("compliance");
    await expect(startRun(c, { scenario: "light", target: "http://127.0.0.1:4000" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await (await db()).loadTestRun.count()).toBe(0);
    expect(await auditEventsFor({ action: "access.denied", actor: c.email })).toHaveLength(1);
  });

  it.each([
    ["metadata address", "http://169.254.169.254/", /link-local/],
    ["private address off the allowlist", "http://10.0.0.7:4000/", /allowlist/],
  ])("refuses a %s and audits the refusal", async (_l, target, message) => {
    const ops = await makeActor("ops");
    await expect(startRun(ops, { scenario: "light", target })).rejects.toThrow(message);
    const [event] = await auditEventsFor({ action: "run.start", actor: ops.email });
    expect(event).toMatchObject({ outcome: "denied" });
    expect(await (await db()).loadTestRun.count()).toBe(0);
  });

  it("rejects bad input with field messages", async () => {
    const ops = await makeActor("ops");
    const err = await startRun(ops, { scenario: "nope", target: "ftp://x", durationS: "0", thresholds: "p95 under 2s" }).catch((e) => e);
    expect(err.code).toBe("INVALID_INPUT");
    expect(Object.keys(err.fields)).toEqual(expect.arrayContaining(["scenario", "target", "durationS", "thresholds"]));
    expect(err.fields.thresholds[0]).toMatch(/use p\(95\) < 2000/);
  });

  it("refuses a per-endpoint threshold naming an endpoint the scenario does not have, before starting, naming the ones it has", async () => {
    const ops = await makeActor("ops");
    const err = await startRun(ops, { scenario: "morning-rounds", target: "http://127.0.0.1:4000", thresholds: "p(95) < 2000\np(95) < 500 @ vital signs: latest vitals" }).catch((e) => e);
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fields.thresholds[0]).toBe('"p(95) < 500 @ vital signs: latest vitals": morning-rounds has no endpoint "vital signs: latest vitals"; its endpoints are: round visit: census, round visit: patient, round visit: vitals, round visit: labs, round visit: triage');
    expect(await (await db()).loadTestRun.count()).toBe(0);
  });

  it("refuses to stop a run that is not running here, and lists runs with filters", async () => {
    const ops = await makeActor("ops");
    const run = await (await db()).loadTestRun.create({ data: { scenario: "light", target: "http://127.0.0.1:4000", status: "passed", config: {}, summary: { requests: 10, latencyMs: { p95: 12 } } } });
    await expect(abortRun(ops, { runId: run.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await listRuns(ops, { status: "passed" })).toEqual([expect.objectContaining({ id: run.id, requests: 10, p95: 12 })]);
    expect(await listRuns(ops, { status: "failed" })).toEqual([]);
  });

  it("refuses a host name that does not resolve as a field error on target, audited, nothing created", async () => {
    const ops = await makeActor("ops");
    // .invalid never resolves (RFC 2606): the failure is local, no traffic leaves the machine.
    const err = await startRun(ops, { scenario: "light", target: "https://nonexistent.invalid" }).catch((e) => e);
    expect(err).toMatchObject({ code: "FORBIDDEN", fields: { target: [expect.stringMatching(/nonexistent\.invalid does not resolve/)] } });
    const [event] = await auditEventsFor({ action: "run.start", actor: ops.email });
    expect(event).toMatchObject({ outcome: "denied", after: expect.objectContaining({ target: "https://nonexistent.invalid" }) });
    expect(await (await db()).loadTestRun.count({ where: { createdById: ops.id } })).toBe(0);
  });

  it("refuses a run against the clinical service when the console has no API credentials, saying so under target", async () => {
    const ops = await makeActor("ops");
    // CLINICAL_URL defaults to http://127.0.0.1:4000; CLINICAL_CLIENT_ID / _SECRET are not set in tests.
    const err = await startRun(ops, { scenario: "light", target: "http://127.0.0.1:4000" }).catch((e) => e);
    expect(err).toMatchObject({ code: "UNAVAILABLE", fields: { target: [expect.stringContaining("CLINICAL_CLIENT_ID and CLINICAL_CLIENT_SECRET")] } });
    const [event] = await auditEventsFor({ action: "run.start", actor: ops.email });
    expect(event).toMatchObject({ outcome: "denied" });
    expect(await (await db()).loadTestRun.count({ where: { createdById: ops.id } })).toBe(0);
  });

  describe("per-user run cap under parallel submissions", () => {
    let server: Awaited<ReturnType<typeof loopbackServer>>;
    beforeAll(async () => {
      server = await loopbackServer((_req, res) => res.end("{}"));
    });
    afterAll(async () => {
      // Stop the runs this test started and wait for their processes to exit.
      for (const id of liveRuns().keys()) cancelLiveRun(id);
      const end = Date.now() + 20_000;
      while (liveRuns().size && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      // The supervisor records the outcome after the process exits: wait for it before the database goes.
      const running = async () => (await db()).loadTestRun.count({ where: { status: "running" } });
      while ((await running()) > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      await server?.close();
    });

    it("starts at most the cap; the rest are refused with LIMIT_EXCEEDED and audited", async () => {
      const ops = await makeActor("ops");
      const N = 6;
      const cap = LOADTEST_LIMITS.maxConcurrentRunsPerUser;
      const results = await Promise.allSettled(Array.from({ length: N }, () => startRun(ops, { scenario: "light", target: server.url, durationS: "5" })));
      const started = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(started).toHaveLength(cap);
      expect(refused.map((r) => r.reason.code)).toEqual(Array(N - cap).fill("LIMIT_EXCEEDED"));
      expect(await (await db()).loadTestRun.count({ where: { createdById: ops.id } })).toBe(cap);
      const events = await auditEventsFor({ action: "run.start", actor: ops.email });
      expect(events.filter((e) => e.outcome === "success")).toHaveLength(cap);
      expect(events.filter((e) => e.outcome === "denied")).toHaveLength(N - cap);
    }, 30_000);
  });
});
