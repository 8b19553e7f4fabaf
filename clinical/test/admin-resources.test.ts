import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RESOURCE_SETTINGS as D, type ResourceSettings } from "@/core/engines/admission/resource-settings";
import { loadHospital } from "../src/seed/load-hospital";
import { admin, cacheApp, metric } from "./cache-support";
import { FIXTURE } from "./fixture";
import { fastestDb, useClinicalDb } from "./support";

const PATH = "/admin/resources/settings";

describe("resource settings over the signed control plane", () => {
  const ctx = useClinicalDb(fastestDb());
  let t: Awaited<ReturnType<typeof cacheApp>>;
  beforeAll(async () => {
    await loadHospital(ctx.db, FIXTURE);
    t = await cacheApp(ctx.db, { redisUrl: null, resources: {} }); // production defaults: both on
  });
  afterAll(() => t?.close());

  it("starts at version 0 with the defaults", async () => {
    const res = await admin(t.app, "GET", PATH);
    expect(res.json()).toMatchObject({ version: 0, settings: D });
  });

  it("applies a new version before the next request: a 1-point budget throttles the second read", async () => {
    const tight: ResourceSettings = { ...D, rateLimit: { ...D.rateLimit, windowS: 60, clientPoints: 1, unknownClientPoints: 1, weights: { read: 1, search: 1, triage: 1, write: 1 } } };
    const put = await admin(t.app, "PUT", PATH, { version: 1, settings: tight });
    expect(put.statusCode).toBe(200);
    expect(put.json().version).toBe(1);
    const first = await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000001", remoteAddress: "10.2.0.1" });
    const second = await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000001", remoteAddress: "10.2.0.1" });
    expect([first.statusCode, second.statusCode]).toEqual([200, 429]);
    expect(first.headers["ratelimit-policy"]).toBe('"client";q=1;w=60');
  });

  it("turns admission control off and on by version", async () => {
    const off = { ...D, admission: { ...D.admission, enabled: false } };
    expect((await admin(t.app, "PUT", PATH, { version: 2, settings: off })).statusCode).toBe(200);
    expect(await metric(t.app, "clinical_admission_enabled")).toBe(0);
  });

  it.each([
    [{ ...D, admission: { ...D.admission, sharesPct: { "patient-data": 60, "clinical-data": 30, "ai-inference": 20 } } }, "settings.admission.sharesPct"],
    [{ ...D, admission: { ...D.admission, minLimit: 0 } }, "settings.admission.minLimit"],
    [{ ...D, rateLimit: { ...D.rateLimit, weights: { ...D.rateLimit.weights, write: "fifty" } } }, "settings.rateLimit.weights.write"],
  ])("refuses malformed or out-of-range input naming the field, applying nothing (%#)", async (settings, field) => {
    const res = await admin(t.app, "PUT", PATH, { version: 9, settings });
    expect(res.statusCode).toBe(400);
    expect(res.json().issue[0].diagnostics).toContain(field);
    expect((await admin(t.app, "GET", PATH)).json().version).toBe(2);
  });

  it("refuses older versions (409), unsigned and wrongly signed calls (401)", async () => {
    expect((await admin(t.app, "PUT", PATH, { version: 1, settings: D })).statusCode).toBe(409);
    expect((await t.app.inject({ method: "GET", url: PATH })).statusCode).toBe(401);
    expect((await admin(t.app, "PUT", PATH, { version: 3, settings: D }, "another-secret-that-is-long-enough-32+")).statusCode).toBe(401);
    expect((await admin(t.app, "GET", PATH)).json().version).toBe(2);
  });
});
