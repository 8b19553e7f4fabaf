import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CACHE_POLICIES } from "@/core/engines/cache/policy";
import type { ClinicalDb } from "../src/db/query";
import { loadHospital } from "../src/seed/load-hospital";
import { admin, breakableDb, cacheApp, dropPrefix, hasRedis, metric, newCacheKey, newPrefix, patients, sleep } from "./cache-support";
import { FIXTURE } from "./fixture";
import { useClinicalDb } from "./support";

const run = hasRedis();

describe.runIf(run)("grace (stale-if-error) per data class", () => {
  const ctx = useClinicalDb("pglite");
  const prefix = newPrefix();
  let db: ClinicalDb & { broken: boolean };
  let t: Awaited<ReturnType<typeof cacheApp>>;
  const [p] = patients();
  beforeAll(async () => {
    await loadHospital(ctx.db, FIXTURE);
    db = breakableDb(ctx.db);
    t = await cacheApp(db, { cache: { key: newCacheKey(), prefix } });
    // 1 s TTLs: patient data keeps its 6 h grace, vital signs have none (and may not get any).
    const policies = {
      ...DEFAULT_CACHE_POLICIES,
      "patient-demographics": { ...DEFAULT_CACHE_POLICIES["patient-demographics"], ttlS: 1 },
      "vital-signs": { ...DEFAULT_CACHE_POLICIES["vital-signs"], ttlS: 1 },
    };
    expect((await admin(t.app, "PUT", "/admin/cache/policies", { version: 1, policies })).statusCode).toBe(200);
    await sleep(150); // loads right after an invalidation are not stored
  });
  afterAll(async () => {
    db.broken = false;
    await t?.close();
    await dropPrefix(prefix);
  });

  it("serves the stale patient when the database fails past the TTL, and counts a graced hit", async () => {
    const url = `/fhir/Patient/${p!.id}`;
    const fresh = await t.app.inject({ method: "GET", url });
    expect(fresh.statusCode).toBe(200);
    await sleep(1100);
    db.broken = true;
    const stale = await t.app.inject({ method: "GET", url });
    db.broken = false;
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(fresh.body);
    expect(await metric(t.app, "clinical_cache_graced_hits_total", { data_class: "patient-demographics" })).toBeGreaterThanOrEqual(1);
  });

  it("never serves stale vital signs: past the TTL a database failure is a 503", async () => {
    const url = `/fhir/Observation?patient=${p!.id}&category=vital-signs`;
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(200);
    db.broken = true;
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(200); // within the TTL: a fresh hit
    await sleep(1100);
    const misses = await metric(t.app, "clinical_cache_misses_total", { data_class: "vital-signs" });
    const res = await t.app.inject({ method: "GET", url });
    db.broken = false;
    expect(res.statusCode).toBe(503);
    // A read that went to the database counts as a miss even when the database failed it.
    expect(await metric(t.app, "clinical_cache_misses_total", { data_class: "vital-signs" })).toBe(misses + 1);
    expect(res.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "transient" }] });
    expect(await metric(t.app, "clinical_cache_graced_hits_total", { data_class: "vital-signs" })).toBe(0);
  });
});
