import { describe, expect, it } from "vitest";
import { startRun } from "../../lib/services/load-tests/start-run";
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
});
