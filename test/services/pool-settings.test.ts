import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp } from "../../clinical/test/auth-support";
import { useClinicalDb } from "../../clinical/test/support";
import { resetEnvForTests } from "../../lib/env";
import { currentPoolSettings, syncPoolSettings, updatePoolSettings } from "../../lib/services/database/pool-settings";
import { poolState } from "../../lib/services/database/pool-state";
import { DEFAULT_POOL_SETTINGS, POOL_CLASSES, type PoolSettings } from "@/core/engines/pool/policy";
import { useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

const SECRET = "test-only-clinical-admin-secret-0123456789";

/** The pool form's flat fields for a settings set. */
const REASON = "ward 2A reported slow vitals during rounds";
function form(s: PoolSettings): Record<string, string> {
  return { reason: REASON, size: String(s.size), ...Object.fromEntries(POOL_CLASSES.flatMap((c) => [[`${c}.reserved`, String(s.classes[c].reserved)], [`${c}.statementTimeoutMs`, String(s.classes[c].statementTimeoutMs)]])) };
}

describe("pool settings from the console to a running clinical service", () => {
  useFreshConsoleDb("pglite");
  const clinical = useClinicalDb("pglite");
  let app: FastifyInstance;

  beforeAll(async () => {
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

  it("saves a version, applies it on the service within a second, and audits it with the previous value", async () => {
    const admin = await makeActor("admin");
    const edited = { ...DEFAULT_POOL_SETTINGS, size: 14, classes: { ...DEFAULT_POOL_SETTINGS.classes, "ai-inference": { reserved: 1, statementTimeoutMs: 3000 } } };
    const saved = await updatePoolSettings(admin, form(edited));
    expect(saved).toMatchObject({ version: 1, applyError: null, settings: edited });
    // In effect within 1 s of being saved (the figure the page shows).
    expect(new Date(saved.appliedAt!).getTime() - new Date(saved.savedAt!).getTime()).toBeLessThan(1000);
    expect(clinical.db.pool.gate.settings.size).toBe(14);
    expect(clinical.db.pool.timeoutMs("ai-inference")).toBe(3000);
    const state = await poolState(await makeActor("ops"));
    expect(state.service).toMatchObject({ version: 1, settings: { size: 14 } });
    expect(state.usage).not.toBeNull();
    const [event] = await auditEventsFor({ action: "database.pool.update", actor: admin.email });
    expect(event).toMatchObject({ outcome: "success", target: "pool-settings:v1", before: { version: 0, settings: DEFAULT_POOL_SETTINGS }, after: { version: 1, settings: edited, reason: REASON } });
  });

  it("refuses ops and compliance (audited) and bad input naming the field, applying nothing", async () => {
    for (const role of ["ops", "compliance"] as const) {
      const actor = await makeActor(role);
      await expect(updatePoolSettings(actor, form(DEFAULT_POOL_SETTINGS))).rejects.toMatchObject({ code: "FORBIDDEN" });
      const [denied] = await auditEventsFor({ action: "access.denied", actor: actor.email });
      expect(denied).toMatchObject({ outcome: "denied", target: "database.pool.update" });
    }
    const admin = await makeActor("admin");
    const cases: [Record<string, string>, string][] = [
      [{ ...form(DEFAULT_POOL_SETTINGS), size: "0" }, "size"],
      [{ ...form(DEFAULT_POOL_SETTINGS), "ai-inference.reserved": "6" }, "size"], // 2+2+1+6 > 10
      [{ ...form(DEFAULT_POOL_SETTINGS), "emergency.statementTimeoutMs": "50" }, "emergency.statementTimeoutMs"],
      [{ ...form(DEFAULT_POOL_SETTINGS), "patient-data.reserved": "-1" }, "patient-data.reserved"],
      [{ ...form(DEFAULT_POOL_SETTINGS), "system.statementTimeoutMs": "" }, "system.statementTimeoutMs"],
      [{ ...form(DEFAULT_POOL_SETTINGS), reason: "" }, "reason"], // every change says why
      [{ ...form(DEFAULT_POOL_SETTINGS), reason: "tune" }, "reason"],
    ];
    for (const [input, fieldName] of cases) {
      await expect(updatePoolSettings(admin, input)).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { [fieldName]: [expect.any(String)] } });
    }
    expect((await currentPoolSettings()).version).toBe(1);
    expect(clinical.db.pool.current.version).toBe(1);
  });

  it("gives a restarted service the saved settings back on the next sync", async () => {
    const restarted = await buildTestClinicalApp({ db: await freshPoolDb(), logLevel: "silent", cache: { adminSecret: SECRET } });
    const url = await restarted.listen({ port: 0, host: "127.0.0.1" });
    const previous = process.env.CLINICAL_URL;
    process.env.CLINICAL_URL = url;
    resetEnvForTests();
    try {
      expect((await poolState(await makeActor("ops"))).service!.version).toBe(0);
      await syncPoolSettings(0);
      expect((await poolState(await makeActor("ops"))).service).toMatchObject({ version: 1, settings: { size: 14 } });
    } finally {
      await restarted.close();
      process.env.CLINICAL_URL = previous;
      resetEnvForTests();
    }
  });

  /** A second handle on the same clinical database with its own pool, as a restarted process would have. */
  async function freshPoolDb() {
    const { ClinicalPool } = await import("../../clinical/src/db/pool");
    return { ...clinical.db, pool: new ClinicalPool() };
  }
});
