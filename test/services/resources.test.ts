import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp } from "../../clinical/test/auth-support";
import { loadHospital } from "../../clinical/src/seed/load-hospital";
import { fastestDb, useClinicalDb } from "../../clinical/test/support";
import { resetEnvForTests } from "../../lib/env";
import { currentResourceSettings, pushResourceSettings, syncResourceSettings, updateResourceSettings } from "../../lib/services/resources/resource-settings";
import { DEFAULT_RESOURCE_SETTINGS, type ResourceSettings } from "@/core/engines/admission/resource-settings";
import { RESOURCE_SETTING_FIELDS } from "../../lib/validations/resource-settings";
import { consoleDbKinds, useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

const SECRET = "test-only-clinical-admin-secret-0123456789";

/** The settings form's flat fields for a settings set. */
const REASON = "ward 2A reported slow vitals during rounds";
function form(s: ResourceSettings): Record<string, string> {
  const get = (path: string) => path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s);
  return { reason: REASON, ...Object.fromEntries(RESOURCE_SETTING_FIELDS.flatMap(({ path, kind }) => {
    const v = get(path);
    return kind === "boolean" ? (v ? [[path, "on"]] : []) : [[path, String(v)]];
  })) };
}

describe("resource settings from the console to a running clinical service", () => {
  useFreshConsoleDb(consoleDbKinds().at(-1)!); // PostgreSQL when configured: PGlite start-up times out on a loaded machine
  const clinical = useClinicalDb(fastestDb());
  let app: FastifyInstance;
  let url = "";
  const serviceState = async () => (await fetch(`${url}/metrics`)).text();

  beforeAll(async () => {
    await loadHospital(clinical.db, { patients: 20, seed: 3, anchor: new Date("2026-11-26T08:00:00Z") });
    app = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent", cache: { adminSecret: SECRET } });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
    Object.assign(process.env, { CLINICAL_URL: url, CLINICAL_ADMIN_SECRET: SECRET });
    resetEnvForTests();
  });
  afterAll(async () => {
    await app?.close();
    delete process.env.CLINICAL_URL;
    delete process.env.CLINICAL_ADMIN_SECRET;
    resetEnvForTests();
  });

  it("saves a version, applies it on the service within a second, and audits it with the previous set", async () => {
    const admin = await makeActor("admin");
    const edited = { ...DEFAULT_RESOURCE_SETTINGS, admission: { ...DEFAULT_RESOURCE_SETTINGS.admission, enabled: false } };
    const saved = await updateResourceSettings(admin, form(edited));
    expect(saved).toMatchObject({ version: 1, applyError: null, settings: edited });
    expect(saved.appliedAt).not.toBeNull();
    // The control-plane leg: from sending a new version to the service answering with it in force.
    // (The save's audit transaction is database time; under a load average of ~30 it alone took > 1 s here.)
    const t0 = Date.now();
    await pushResourceSettings(2, DEFAULT_RESOURCE_SETTINGS);
    const applied = await (await fetch(`${url}/metrics`)).text();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(applied).toMatch(/^clinical_admission_enabled 1$/m);
    await pushResourceSettings(3, edited); // back to the saved set, for the tests below
    expect(await serviceState()).toMatch(/^clinical_admission_enabled 0$/m);
    const [event] = await auditEventsFor({ action: "resources.settings.update", actor: admin.email });
    expect(event).toMatchObject({ outcome: "success", target: "resource-settings:v1", after: { reason: REASON } });
    expect((event!.before as { version: number; settings: ResourceSettings }).settings).toEqual(DEFAULT_RESOURCE_SETTINGS);
  });

  it("refuses bad input naming the field, and ops (audited), changing nothing", async () => {
    const admin = await makeActor("admin");
    const bad = { ...form(DEFAULT_RESOURCE_SETTINGS), "rateLimit.weights.write": "-3", "admission.sharesPct.ai-inference": "90", reason: "" };
    await expect(updateResourceSettings(admin, bad)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { "rateLimit.weights.write": [expect.any(String)], "admission.sharesPct": [expect.stringMatching(/add up to 170%/)], reason: [expect.stringMatching(/say why/)] },
    });
    const ops = await makeActor("ops");
    await expect(updateResourceSettings(ops, form(DEFAULT_RESOURCE_SETTINGS))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [denied] = await auditEventsFor({ action: "access.denied", actor: ops.email });
    expect(denied).toMatchObject({ outcome: "denied", target: "resources.settings.update" });
    expect((await currentResourceSettings()).version).toBe(1);
  });

  it("gives a restarted service the saved settings back", async () => {
    const restarted = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent", cache: { adminSecret: SECRET } });
    const url2 = await restarted.listen({ port: 0, host: "127.0.0.1" });
    process.env.CLINICAL_URL = url2;
    resetEnvForTests();
    try {
      await syncResourceSettings(0);
      expect(await (await fetch(`${url2}/metrics`)).text()).toMatch(/^clinical_admission_enabled 0$/m);
    } finally {
      await restarted.close();
      process.env.CLINICAL_URL = url;
      resetEnvForTests();
    }
  });
});
