import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CACHE_POLICIES } from "@/core/engines/cache/policy";
import { etagOf } from "../src/http/etag";
import { loadHospital } from "../src/seed/load-hospital";
import { admin, cacheApp, dropPrefix, hasRedis, metric, newCacheKey, newPrefix, patients, sleep } from "./cache-support";
import { FIXTURE } from "./fixture";
import { useClinicalDb } from "./support";

const run = hasRedis();
const hits = (tier: string, data_class: string) => ({ tier, data_class });

describe.runIf(run)("cache behaviour (L1 + L2 + bus)", () => {
  const ctx = useClinicalDb("pglite");
  let t: Awaited<ReturnType<typeof cacheApp>>;
  const [p1] = patients();
  const prefix = newPrefix();
  let p2: { id: string } | undefined; // a patient with lab results and vital signs
  beforeAll(async () => {
    await loadHospital(ctx.db, FIXTURE);
    const [row] = await ctx.db.query<{ id: string }>("test.busy", "SELECT patient_id AS id FROM observations WHERE category = 'laboratory' GROUP BY patient_id ORDER BY count(*) DESC LIMIT 1");
    p2 = row;
    t = await cacheApp(ctx.db, { cache: { key: newCacheKey(), prefix } });
  });
  afterAll(async () => {
    await t?.close();
    await dropPrefix(prefix);
  });

  it("reports both tiers on /health and the admin API", async () => {
    expect((await t.app.inject({ method: "GET", url: "/health" })).json().cache).toEqual({ mode: "on", l1: true, l2: "connected" });
    const res = await admin(t.app, "GET", "/admin/cache/policies");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 0, policies: DEFAULT_CACHE_POLICIES, tiers: { l1: true, l2: "connected" } });
  });

  it("misses, then hits L1, for patient reads, vital signs and lab searches, and counts them by class", async () => {
    for (const [url, cls] of [
      [`/fhir/Patient/${p1!.id}`, "patient-demographics"],
      [`/fhir/Observation?patient=${p1!.id}&category=vital-signs&_count=5`, "vital-signs"],
      [`/fhir/Observation?patient=${p1!.id}&category=laboratory`, "laboratory-results"],
    ] as const) {
      const miss0 = await metric(t.app, "clinical_cache_misses_total", { data_class: cls });
      const hit0 = await metric(t.app, "clinical_cache_hits_total", hits("l1", cls));
      const first = await t.app.inject({ method: "GET", url });
      const second = await t.app.inject({ method: "GET", url });
      expect(first.statusCode).toBe(200);
      expect(second.body).toBe(first.body);
      expect(await metric(t.app, "clinical_cache_misses_total", { data_class: cls })).toBe(miss0 + 1);
      expect(await metric(t.app, "clinical_cache_hits_total", hits("l1", cls))).toBe(hit0 + 1);
    }
  });

  it("keys searches on the normalized query: another page is a different entry, parameter order is not", async () => {
    const base = `/fhir/Observation?patient=${p2!.id}&category=vital-signs`;
    const miss0 = await metric(t.app, "clinical_cache_misses_total", { data_class: "vital-signs" });
    const a = await t.app.inject({ method: "GET", url: `${base}&_count=3` });
    const b = await t.app.inject({ method: "GET", url: `/fhir/Observation?_count=3&category=vital-signs&patient=Patient/${p2!.id}` });
    const c = await t.app.inject({ method: "GET", url: `${base}&_count=3&_offset=3` });
    expect(b.json().entry).toEqual(a.json().entry);
    expect(c.json().link).not.toEqual(a.json().link);
    expect(await metric(t.app, "clinical_cache_misses_total", { data_class: "vital-signs" })).toBe(miss0 + 2);
  });

  it("never caches a 404, and serves but does not store values over maxEntryBytes", async () => {
    const miss0 = await metric(t.app, "clinical_cache_misses_total", { data_class: "patient-demographics" });
    for (let i = 0; i < 2; i++) expect((await t.app.inject({ method: "GET", url: "/fhir/Patient/p-999999" })).statusCode).toBe(404);
    expect(await metric(t.app, "clinical_cache_misses_total", { data_class: "patient-demographics" })).toBe(miss0 + 2);
    const tiny = { ...DEFAULT_CACHE_POLICIES, "laboratory-results": { ...DEFAULT_CACHE_POLICIES["laboratory-results"], maxEntryBytes: 256 } };
    expect((await admin(t.app, "PUT", "/admin/cache/policies", { version: 1, policies: tiny })).statusCode).toBe(200);
    const url = `/fhir/Observation?patient=${p2!.id}&category=laboratory&_count=50`;
    const labMiss0 = await metric(t.app, "clinical_cache_misses_total", { data_class: "laboratory-results" });
    const [x, y] = [await t.app.inject({ method: "GET", url }), await t.app.inject({ method: "GET", url })];
    expect(x.statusCode).toBe(200);
    expect(y.body).toBe(x.body);
    expect(await metric(t.app, "clinical_cache_misses_total", { data_class: "laboratory-results" })).toBe(labMiss0 + 2);
  });

  it("applies a signed policy PUT at once (a 1 s TTL expires entries) and refuses older versions", async () => {
    const short = { ...DEFAULT_CACHE_POLICIES, "patient-demographics": { ttlS: 1, graceS: 0, l1: true, maxEntryBytes: 65536 } };
    const put = await admin(t.app, "PUT", "/admin/cache/policies", { version: 2, policies: short });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ version: 2, appliedAt: expect.any(String) });
    expect((await admin(t.app, "GET", "/admin/cache/policies")).json()).toMatchObject({ version: 2, policies: short });
    await sleep(150); // loads right after an invalidation are served but not stored
    const url = `/fhir/Patient/${p2!.id}`;
    const miss0 = await metric(t.app, "clinical_cache_misses_total", { data_class: "patient-demographics" });
    await t.app.inject({ method: "GET", url });
    await t.app.inject({ method: "GET", url });
    expect(await metric(t.app, "clinical_cache_misses_total", { data_class: "patient-demographics" })).toBe(miss0 + 1);
    await sleep(1100);
    await t.app.inject({ method: "GET", url });
    expect(await metric(t.app, "clinical_cache_misses_total", { data_class: "patient-demographics" })).toBe(miss0 + 2);
    expect((await admin(t.app, "PUT", "/admin/cache/policies", { version: 1, policies: DEFAULT_CACHE_POLICIES })).statusCode).toBe(409);
    expect((await admin(t.app, "PUT", "/admin/cache/policies", { version: 2, policies: short })).statusCode).toBe(200);
    const grace = { ...short, "vital-signs": { ...short["vital-signs"], graceS: 60 } };
    expect((await admin(t.app, "PUT", "/admin/cache/policies", { version: 3, policies: grace })).statusCode).toBe(400);
  });

  it("refuses unsigned, wrongly signed, stale, tampered and replayed admin calls with 401", async () => {
    const path = "/admin/cache/invalidate";
    const body = JSON.stringify({ dataClass: "vital-signs" });
    expect((await t.app.inject({ method: "POST", url: path, payload: body, headers: { "content-type": "application/json" } })).statusCode).toBe(401);
    expect((await admin(t.app, "POST", path, { dataClass: "vital-signs" }, "x".repeat(40))).statusCode).toBe(401);
    const { adminHeaders } = await import("@/core/engines/cache/signature");
    const stale = adminHeaders("test-admin-secret-with-at-least-32-characters", "POST", path, body, Date.now() - 120_000);
    expect((await t.app.inject({ method: "POST", url: path, payload: body, headers: { ...stale, "content-type": "application/json" } })).statusCode).toBe(401);
    const signed = adminHeaders("test-admin-secret-with-at-least-32-characters", "POST", path, body);
    const tampered = await t.app.inject({ method: "POST", url: path, payload: body.replace("vital", "VITAL"), headers: { ...signed, "content-type": "application/json" } });
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "security" }] });
    // The untampered call is accepted once; the same signed bytes sent again are a replay.
    const send = () => t.app.inject({ method: "POST", url: path, payload: body, headers: { ...signed, "content-type": "application/json" } });
    expect((await send()).statusCode).toBe(200);
    expect((await send()).statusCode).toBe(401);
    const ok = await admin(t.app, "POST", path, { patientId: p1!.id });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ invalidated: { patientId: p1!.id } });
  });

  it("in l2-only mode skips L1 for every class", async () => {
    const l2only = await cacheApp(ctx.db, { cache: { key: newCacheKey(), prefix: `${prefix}:l2only`, mode: "l2-only" } });
    expect((await l2only.app.inject({ method: "GET", url: "/health" })).json().cache).toEqual({ mode: "l2-only", l1: false, l2: "connected" });
    for (let i = 0; i < 3; i++) expect((await l2only.app.inject({ method: "GET", url: `/fhir/Patient/${p1!.id}` })).statusCode).toBe(200);
    expect(await metric(l2only.app, "clinical_cache_hits_total", hits("l2", "patient-demographics"))).toBe(2);
    expect(await metric(l2only.app, "clinical_cache_hits_total", hits("l1", "patient-demographics"))).toBe(0);
    await l2only.close();
  });

  it("a cached search sends bytes built for its own query: the same page under differently ordered parameters keeps its links, and the ETag is the bytes' own", async () => {
    const base = `/fhir/Observation?patient=${p2!.id}&category=vital-signs&_count=5`;
    const [ge, le] = ["date=ge2000-01-01", "date=le2100-01-01"];
    const first = await t.app.inject({ method: "GET", url: `${base}&${ge}&${le}` });
    const again = await t.app.inject({ method: "GET", url: `${base}&${ge}&${le}` });
    const swapped = await t.app.inject({ method: "GET", url: `${base}&${le}&${ge}` });
    for (const r of [first, again, swapped]) {
      expect(r.statusCode).toBe(200);
      expect(r.headers.etag).toBe(etagOf(r.body));
    }
    expect(again.body).toBe(first.body);
    const self = (r: typeof first) => (r.json().link as { relation: string; url: string }[]).find((l) => l.relation === "self")!.url;
    expect(self(first).indexOf("ge2000")).toBeLessThan(self(first).indexOf("le2100"));
    expect(self(swapped).indexOf("le2100")).toBeLessThan(self(swapped).indexOf("ge2000"));
    expect(swapped.json().entry).toEqual(first.json().entry); // the same cached page
  });

  it("an admin invalidation makes the next read a miss", async () => {
    const url = `/fhir/Patient/${p1!.id}`;
    await t.app.inject({ method: "GET", url });
    const miss0 = await metric(t.app, "clinical_cache_misses_total", { data_class: "patient-demographics" });
    expect((await admin(t.app, "POST", "/admin/cache/invalidate", { dataClass: "patient-demographics" })).statusCode).toBe(200);
    await t.app.inject({ method: "GET", url });
    expect(await metric(t.app, "clinical_cache_misses_total", { data_class: "patient-demographics" })).toBe(miss0 + 1);
    // A load that began after the invalidation is kept (memory compares this instance's own clock).
    await t.app.inject({ method: "GET", url });
    expect(await metric(t.app, "clinical_cache_misses_total", { data_class: "patient-demographics" })).toBe(miss0 + 1);
    // One patient's invalidation: the same.
    expect((await admin(t.app, "POST", "/admin/cache/invalidate", { patientId: p1!.id })).statusCode).toBe(200);
    await t.app.inject({ method: "GET", url });
    expect(await metric(t.app, "clinical_cache_misses_total", { data_class: "patient-demographics" })).toBe(miss0 + 2);
    await t.app.inject({ method: "GET", url });
    expect(await metric(t.app, "clinical_cache_misses_total", { data_class: "patient-demographics" })).toBe(miss0 + 2);
  });
});
