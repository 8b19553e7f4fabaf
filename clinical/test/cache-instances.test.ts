import { fetchWithToken } from "./auth-support";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CACHE_POLICIES } from "@/core/engines/cache/policy";
import { loadHospital } from "../src/seed/load-hospital";
import { admin, deployment, hasRedis, sleep, type cacheApp } from "./cache-support";
import { FIXTURE } from "./fixture";
import { useClinicalDb } from "./support";

const run = hasRedis();

const serve = async (app: FastifyInstance) => {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
};

const heartRate = (patientId: string, value: number) => ({
  resourceType: "Observation",
  status: "final",
  category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
  code: { coding: [{ system: "http://loinc.org", code: "8867-4" }] },
  subject: { reference: `Patient/${patientId}` },
  effectiveDateTime: new Date().toISOString(),
  valueQuantity: { value, unit: "/min" },
});

describe.runIf(run)("cache across instances (one Redis, bus invalidation)", () => {
  const ctx = useClinicalDb("pglite");
  let d: ReturnType<typeof deployment>;
  let a: Awaited<ReturnType<typeof cacheApp>>;
  let b: Awaited<ReturnType<typeof cacheApp>>;
  let patient = "";
  beforeAll(async () => {
    await loadHospital(ctx.db, FIXTURE);
    const [row] = await ctx.db.query<{ id: string }>("test.vitals", "SELECT patient_id AS id FROM observations WHERE category = 'vital-signs' AND code = '67775-7' LIMIT 1");
    patient = row!.id;
    d = deployment(ctx.db);
    [a, b] = [await d.join(), await d.join()];
  });
  afterAll(() => d?.close());

  // Over real HTTP, as clients see it: B answers only after A confirmed the invalidation
  // (the write barrier), so A's next read cannot come from its old memory copy.
  it("B's vital-sign write makes A's next vital-signs read and triage fresh", async () => {
    const [baseA, baseB] = [await serve(a.app), await serve(b.app)];
    const url = `${baseA}/fhir/Observation?patient=${patient}&category=vital-signs&code=8867-4&_count=1`;
    const triage = () => fetchWithToken(`${baseA}/fhir/Patient/${patient}/$triage`, { method: "POST" }).then(async (r) => ({ status: r.status, body: await r.text() }));
    for (let i = 0; i < 3; i++) await fetchWithToken(url).then((r) => r.text()); // cached in A's L1, tag state too
    const before = await fetchWithToken(url).then((r) => r.json());
    const triageBefore = await triage();
    expect(triageBefore.status).toBe(200);
    expect((await triage()).body).toBe(triageBefore.body); // cached
    for (const value of [187, 41, 122]) {
      const write = await fetchWithToken(`${baseB}/fhir/Observation`, { method: "POST", headers: { "content-type": "application/fhir+json" }, body: JSON.stringify(heartRate(patient, value)) });
      expect(write.status).toBe(201);
      const created = await write.json();
      const after = await fetchWithToken(url).then((r) => r.json());
      expect(after.total).toBe(before.total + [187, 41, 122].indexOf(value) + 1);
      expect(after.entry[0].resource.valueQuantity.value).toBe(value);
      const triageAfter = JSON.parse((await triage()).body);
      expect(triageAfter.basis.map((x: { reference: string }) => x.reference)).toContain(`Observation/${created.id}`);
    }
  });

  it("B's alert write invalidates the patient's emergency data on every instance and still answers 201", async () => {
    const alert = {
      resourceType: "Communication", status: "completed", priority: "stat",
      subject: { reference: `Patient/${patient}` }, payload: [{ contentString: "Rapid response team to bed 4" }],
    };
    const res = await b.app.inject({ method: "POST", url: "/fhir/Communication", payload: alert });
    expect(res.statusCode).toBe(201);
  });

  it("validates the vital-sign Observation it records", async () => {
    const bad = { ...heartRate(patient, 80), valueQuantity: undefined, valueCodeableConcept: { coding: [{ code: "A" }] } };
    expect((await a.app.inject({ method: "POST", url: "/fhir/Observation", payload: bad })).statusCode).toBe(400);
    const lab = { ...heartRate(patient, 80), code: { coding: [{ code: "2160-0" }] } };
    expect((await a.app.inject({ method: "POST", url: "/fhir/Observation", payload: lab })).statusCode).toBe(400);
    expect((await a.app.inject({ method: "POST", url: "/fhir/Observation", payload: heartRate("p-999999", 80) })).statusCode).toBe(422);
  });

  it("a policy PUT on A reaches B through Redis", async () => {
    const policies = { ...DEFAULT_CACHE_POLICIES, "laboratory-results": { ...DEFAULT_CACHE_POLICIES["laboratory-results"], ttlS: 42 } };
    expect((await admin(a.app, "PUT", "/admin/cache/policies", { version: 7, policies })).statusCode).toBe(200);
    let seen = 0;
    for (let i = 0; i < 20 && seen !== 7; i++, await sleep(50)) seen = (await admin(b.app, "GET", "/admin/cache/policies")).json().version;
    expect(seen).toBe(7);
    expect((await admin(b.app, "GET", "/admin/cache/policies")).json().policies["laboratory-results"].ttlS).toBe(42);
    // A later instance catches up from the stored policy.
    const c = await d.join();
    expect((await admin(c.app, "GET", "/admin/cache/policies")).json().version).toBe(7);
  });
});
