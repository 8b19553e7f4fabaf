import { describe, expect, it } from "vitest";
import type { Communication, RiskAssessment } from "fhir/r4";
import { news2 } from "../src/triage/news2";
import { NEWS2_SCORE_EXTENSION } from "../src/triage/risk-assessment";
import { clinicalDbKinds } from "./support";
import { useClinicalApp } from "./fixture";
import { DEFAULT_PUBLIC_URL } from "../src/http/base-url";

const alert = (subject: string, priority = "stat") => ({
  resourceType: "Communication",
  status: "completed",
  priority,
  subject: { reference: `Patient/${subject}` },
  category: [{ text: "rapid-response" }],
  payload: [{ contentString: "Rapid response team to bed 4" }],
});

describe.each(clinicalDbKinds())("triage and emergency alerts on %s", (kind) => {
  const t = useClinicalApp(kind);

  it("scores NEWS2 from the patient's latest vitals and lists the observations it used", async () => {
    const res = await t.app.inject({ method: "POST", url: "/fhir/Patient/p-000001/$triage" });
    expect(res.statusCode, res.body).toBe(200);
    const ra = res.json() as RiskAssessment;
    expect(ra).toMatchObject({ resourceType: "RiskAssessment", status: "final", subject: { reference: "Patient/p-000001" } });
    expect(ra.basis).toHaveLength(7);
    // Recompute independently from the database: latest value of each code.
    const rows = await t.ctx.db.query<{ code: string; value_num: number | null; value_code: string | null }>(
      "test.latest",
      `SELECT DISTINCT ON (code) code, value_num, value_code FROM observations
        WHERE patient_id = 'p-000001' AND category = 'vital-signs' ORDER BY code, effective_at DESC, id DESC`,
    );
    const v = Object.fromEntries(rows.map((r) => [r.code, r.value_num ?? r.value_code]));
    const expected = news2({
      heartRate: v["8867-4"] as number, respiratoryRate: v["9279-1"] as number, spo2: v["59408-5"] as number,
      systolicBp: v["8480-6"] as number, temperature: v["8310-5"] as number, consciousness: v["67775-7"] as "A",
      onOxygen: (v["3150-0"] as number) > 21,
    });
    expect(ra.extension).toEqual([{ url: NEWS2_SCORE_EXTENSION, valueInteger: expected.score }]);
    expect(ra.prediction![0]!.qualitativeRisk!.coding![0]!.code).toBe(expected.band);
    expect(ra.note![0]!.text).toContain(`NEWS2 ${expected.score}`);
  });

  it("refuses triage with 422 when a vital sign was never recorded", async () => {
    const [outpatient] = await t.ctx.db.query<{ id: string }>(
      "test.no_vitals",
      "SELECT id FROM patients p WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE o.patient_id = p.id AND o.category = 'vital-signs') LIMIT 1",
    );
    const res = await t.app.inject({ method: "POST", url: `/fhir/Patient/${outpatient!.id}/$triage` });
    expect(res.statusCode).toBe(422);
    expect(res.json().issue[0].diagnostics).toMatch(/no recorded heart rate/);
  });

  it("accepts a stat alert: 201, Location, stored and readable back", async () => {
    const res = await t.app.inject({ method: "POST", url: "/fhir/Communication", headers: { "content-type": "application/fhir+json" }, payload: alert("p-000002") });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Communication;
    expect(c).toMatchObject({ resourceType: "Communication", priority: "stat", subject: { reference: "Patient/p-000002" }, payload: [{ contentString: "Rapid response team to bed 4" }] });
    expect(res.headers.location).toMatch(new RegExp(`/fhir/Communication/${c.id}$`));
    const back = await t.app.inject({ method: "GET", url: `/fhir/Communication/${c.id}` });
    expect(back.json()).toEqual(c);
  });

  it("builds Location and Bundle links from the configured public URL, never from the Host header", async () => {
    const host = { host: "attacker.invalid" };
    const res = await t.app.inject({ method: "POST", url: "/fhir/Communication", headers: { ...host, "content-type": "application/fhir+json" }, payload: alert("p-000002") });
    expect(res.headers.location).toMatch(new RegExp(`^${DEFAULT_PUBLIC_URL}/fhir/Communication/`));
    const bundle = (await t.app.inject({ method: "GET", url: "/fhir/Patient?_count=1", headers: host })).json();
    const urls = [...bundle.link.map((l: { url: string }) => l.url), ...bundle.entry.map((e: { fullUrl: string }) => e.fullUrl)];
    expect(urls.length).toBeGreaterThan(1);
    for (const u of urls) expect(u.startsWith(`${DEFAULT_PUBLIC_URL}/fhir/`), u).toBe(true);
  });

  it.each([
    ["an unknown subject", alert("p-999999"), 422],
    ["a missing payload", { ...alert("p-000002"), payload: [] }, 400],
    ["a bad priority", alert("p-000002", "whenever"), 400],
    ["the wrong resourceType", { ...alert("p-000002"), resourceType: "Patient" }, 400],
    ["a JSON array", [], 400],
  ])("refuses %s", async (_label, body, status) => {
    const res = await t.app.inject({ method: "POST", url: "/fhir/Communication", headers: { "content-type": "application/json" }, payload: JSON.stringify(body) });
    expect(res.statusCode).toBe(status);
    expect(res.json().resourceType).toBe("OperationOutcome");
  });
});

describe("load shedding", () => {
  const t = useClinicalApp("pglite", { maxInFlight: 1 });

  it("sheds non-emergency requests past capacity with 429 and never sheds emergency alerts", async () => {
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => t.app.inject({ method: "GET", url: "/fhir/Observation?patient=p-000001&_count=200" })),
      ...Array.from({ length: 3 }, () => t.app.inject({ method: "POST", url: "/fhir/Communication", headers: { "content-type": "application/json" }, payload: alert("p-000003") })),
    ]);
    const reads = results.slice(0, 6).map((r) => r.statusCode);
    expect(reads).toContain(429);
    expect(results.find((r) => r.statusCode === 429)!.headers["retry-after"]).toBe("1");
    expect(results.slice(6).map((r) => r.statusCode)).toEqual([201, 201, 201]);
  });
});
