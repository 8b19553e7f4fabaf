import { beforeAll, describe, expect, it } from "vitest";
import { loadHospital } from "../src/seed/load-hospital";
import { admin, cacheApp, metric, patients } from "./cache-support";
import { FIXTURE } from "./fixture";
import { useClinicalDb } from "./support";

const hits = (tier: string, data_class: string) => ({ tier, data_class });

// No Redis needed: these run everywhere.
describe("cache modes without L2", () => {
  const ctx = useClinicalDb("pglite");
  beforeAll(() => loadHospital(ctx.db, FIXTURE));
  const [p1] = patients();

  it("runs L1 only (and says why) when Redis is configured without VIGIL_CACHE_KEY; admin API is 503 without a secret", async () => {
    const t = await cacheApp(ctx.db, { redisUrl: "redis://127.0.0.1:1", cache: { adminSecret: undefined } });
    expect((await t.app.inject({ method: "GET", url: "/health" })).json().cache).toEqual({ mode: "on", l1: true, l2: "disabled-no-key" });
    expect(t.log.text()).toContain("VIGIL_CACHE_KEY is not");
    await t.app.inject({ method: "GET", url: `/fhir/Patient/${p1!.id}` });
    await t.app.inject({ method: "GET", url: `/fhir/Patient/${p1!.id}` });
    expect(await metric(t.app, "clinical_cache_hits_total", hits("l1", "patient-demographics"))).toBe(1);
    expect(await metric(t.app, "clinical_cache_entries", { tier: "l1" })).toBeGreaterThan(0);
    const res = await admin(t.app, "GET", "/admin/cache/policies");
    expect(res.statusCode).toBe(503);
    expect(res.json().issue[0].diagnostics).toContain("CLINICAL_ADMIN_SECRET");
    await t.close();
  });

  it("caches nothing with CLINICAL_CACHE=off", async () => {
    const t = await cacheApp(ctx.db, { redisUrl: null, cache: { mode: "off" } });
    expect((await t.app.inject({ method: "GET", url: "/health" })).json().cache).toEqual({ mode: "off", l1: false, l2: "off" });
    for (let i = 0; i < 2; i++) expect((await t.app.inject({ method: "GET", url: `/fhir/Patient/${p1!.id}` })).statusCode).toBe(200);
    expect(await metric(t.app, "clinical_cache_hits_total", hits("l1", "patient-demographics"))).toBe(0);
    await t.close();
  });
});
