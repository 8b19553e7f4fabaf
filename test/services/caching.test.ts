import { patientPseudonym } from "../../lib/audit/pseudonym";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp } from "../../clinical/test/auth-support";
import { loadHospital } from "../../clinical/src/seed/load-hospital";
import { useClinicalDb } from "../../clinical/test/support";
import { resetEnvForTests } from "../../lib/env";
import { updateCachePolicies, syncCachePolicies, currentPolicies } from "../../lib/services/caching/cache-policies";
import { invalidateCache } from "../../lib/services/caching/invalidate-cache";
import { cachingState } from "../../lib/services/caching/caching-state";
import { DEFAULT_CACHE_POLICIES, CACHE_DATA_CLASSES, type CachePolicies } from "@/core/engines/cache/policy";
import { useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

const SECRET = "test-only-clinical-admin-secret-0123456789";

/** The policy form's flat fields for a policy set. */
const REASON = "ward 2A reported slow vitals during rounds";
function form(p: CachePolicies): Record<string, string> {
  return { reason: REASON, ...Object.fromEntries(CACHE_DATA_CLASSES.flatMap((c) => [
    [`${c}.ttlS`, String(p[c].ttlS)], [`${c}.graceS`, String(p[c].graceS)], [`${c}.maxEntryBytes`, String(p[c].maxEntryBytes)], ...(p[c].l1 ? [[`${c}.l1`, "on"]] : []),
  ])) };
}

describe("cache policies from the console to a running clinical service", () => {
  useFreshConsoleDb("pglite");
  const clinical = useClinicalDb("pglite");
  let app: FastifyInstance;

  beforeAll(async () => {
    await loadHospital(clinical.db, { patients: 20, seed: 3, anchor: new Date("2026-11-26T08:00:00Z") });
    app = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent", cache: { adminSecret: SECRET } });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    Object.assign(process.env, { CLINICAL_URL: url, CLINICAL_ADMIN_SECRET: SECRET });
    resetEnvForTests();
  });
  afterAll(async () => {
    await app?.close();
    delete process.env.CLINICAL_URL;
    delete process.env.CLINICAL_ADMIN_SECRET;
    resetEnvForTests();
  });

  it("saves a version, applies it on the service within a second, and audits the change", async () => {
    const admin = await makeActor("admin");
    const edited = { ...DEFAULT_CACHE_POLICIES, "patient-demographics": { ...DEFAULT_CACHE_POLICIES["patient-demographics"], ttlS: 120 } };
    const t0 = Date.now();
    const saved = await updateCachePolicies(admin, form(edited));
    expect(saved).toMatchObject({ version: 1, applyError: null });
    expect(new Date(saved.appliedAt!).getTime() - t0).toBeLessThan(1000);
    const state = await cachingState(admin);
    expect(state.service).toMatchObject({ version: 1 });
    expect(state.service!.policies["patient-demographics"].ttlS).toBe(120);
    const [event] = await auditEventsFor({ action: "cache.policy.update", actor: admin.email });
    expect(event).toMatchObject({ outcome: "success", target: "cache-policies:v1", after: { reason: REASON } });
  });

  it("refuses grace for vital signs and non-admins, changing nothing", async () => {
    const admin = await makeActor("admin");
    const stale = { ...DEFAULT_CACHE_POLICIES, "vital-signs": { ...DEFAULT_CACHE_POLICIES["vital-signs"], graceS: 60 } };
    await expect(updateCachePolicies(admin, form(stale))).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { "vital-signs.graceS": [expect.stringMatching(/never served stale/)] } });
    const ops = await makeActor("ops");
    await expect(updateCachePolicies(ops, form(DEFAULT_CACHE_POLICIES))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateCachePolicies(admin, { ...form(DEFAULT_CACHE_POLICIES), reason: " " })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: [expect.stringMatching(/say why/)] } });
    expect((await currentPolicies()).version).toBe(1);
  });

  it("gives a restarted service the saved policies back", async () => {
    const restarted = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent", cache: { adminSecret: SECRET } });
    const url = await restarted.listen({ port: 0, host: "127.0.0.1" });
    process.env.CLINICAL_URL = url;
    resetEnvForTests();
    try {
      expect((await cachingState(await makeActor("ops"))).service!.version).toBe(0);
      await syncCachePolicies(0);
      expect((await cachingState(await makeActor("ops"))).service!.version).toBe(1);
    } finally {
      await restarted.close();
      process.env.CLINICAL_URL = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      resetEnvForTests();
    }
  });

  it("invalidates one patient's entries, audited with its reason, and refuses an empty request or one without a reason", async () => {
    const admin = await makeActor("admin");
    const reason = "chart corrected after a transcription error";
    await expect(invalidateCache(admin, { dataClass: "", patientId: "", reason })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(invalidateCache(admin, { patientId: "p-000001" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: [expect.stringContaining("say why")] } });
    expect(await auditEventsFor({ action: "cache.invalidate", actor: admin.email })).toEqual([]);
    await invalidateCache(admin, { patientId: "p-000001", reason });
    const [event] = await auditEventsFor({ action: "cache.invalidate", actor: admin.email });
    // The trail holds the patient's keyed pseudonym, never the id.
    expect(event).toMatchObject({ outcome: "success", target: `all classes, patient ${patientPseudonym("p-000001")}`, after: expect.objectContaining({ reason }) });
    expect(patientPseudonym("p-000001")).toMatch(/^pt_[0-9a-f]{16}$/);
    expect(JSON.stringify([event!.target, event!.after])).not.toContain("p-000001");
  });
});
