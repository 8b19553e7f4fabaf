import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "@/core/engines/admission/rate-limit";
import { fixedLimit, useClinicalApp } from "./fixture";
import { fastestDb } from "./support";
import { metric } from "./cache-support";

const alert = (subject: string) =>
  JSON.stringify({ resourceType: "Communication", status: "completed", priority: "stat", subject: { reference: `Patient/${subject}` }, payload: [{ contentString: "NEWS2 7: review now" }] });

describe("admission control by criticality", () => {
  const t = useClinicalApp(fastestDb(), { resources: { admission: fixedLimit(10), rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false } } });
  const post = (url: string, payload?: string) =>
    t.app.inject({ method: "POST", url, ...(payload ? { headers: { "content-type": "application/fhir+json" }, payload } : {}) });
  const read = (i: number) => t.app.inject({ method: "GET", url: `/fhir/Patient/p-${String(1 + (i % 50)).padStart(6, "0")}` });

  it("a flood of emergency alerts does not turn other routes into 429s, and none of them is rejected", async () => {
    const flood = Array.from({ length: 300 }, (_, i) => post("/fhir/Communication", alert(`p-${String(1 + (i % 50)).padStart(6, "0")}`)));
    const reads = Array.from({ length: 8 }, (_, i) => read(i)); // under the limit of 10
    const [alerts, patients] = [await Promise.all(flood), await Promise.all(reads)];
    expect(new Set(alerts.map((r) => r.statusCode))).toEqual(new Set([201]));
    expect(patients.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(await metric(t.app, "clinical_admission_rejected_total", { class: "emergency" })).toBe(0);
  });

  it("under overload sheds AI inference before patient data (limit 10: AI borrows below 7, patient data below 10)", async () => {
    // Interleaved patient read, triage, patient read, …: AI inference stops at 7 in flight
    // (3 triage admitted), patient data continues to 10 and keeps its guaranteed 5.
    const calls = Array.from({ length: 40 }, (_, i) => (i % 2 ? post("/fhir/Patient/p-000002/$triage") : read(i)));
    const results = await Promise.all(calls);
    const admitted = (odd: number) => results.filter((r, i) => i % 2 === odd && r.statusCode !== 429).length;
    expect(admitted(1)).toBe(3);
    expect(admitted(0)).toBe(7);
    const rejected = results.find((r) => r.statusCode === 429)!;
    expect(rejected.headers["retry-after"]).toBe("1");
    expect(rejected.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "throttled" }] });
    expect(await metric(t.app, "clinical_admission_rejected_total", { class: "ai-inference", reason: "concurrency" })).toBe(17);
    expect(await metric(t.app, "clinical_admission_rejected_total", { class: "patient-data", reason: "concurrency" })).toBe(13);
  });

  it("exports the adaptive limit, and limit, guaranteed share and in-flight per class; health and metrics are exempt", async () => {
    expect(await metric(t.app, "clinical_admission_limit", { class: "patient-data" })).toBe(10);
    expect(await metric(t.app, "clinical_admission_limit", { class: "ai-inference" })).toBe(7);
    expect(await metric(t.app, "clinical_admission_adaptive_limit")).toBe(10); // the shared limit the class limits are fractions of
    expect(await metric(t.app, "clinical_admission_guaranteed", { class: "clinical-data" })).toBe(3);
    expect(await metric(t.app, "clinical_admission_inflight", { class: "patient-data" })).toBe(0);
    expect(await metric(t.app, "clinical_admission_enabled")).toBe(1);
    const health = await Promise.all(Array.from({ length: 30 }, () => t.app.inject({ method: "GET", url: "/health" })));
    expect(health.every((r) => r.statusCode === 200)).toBe(true);
  });
});

describe("admission control switched off", () => {
  const t = useClinicalApp(fastestDb(), { resources: { admission: fixedLimit(2, { enabled: false }) } });

  it("admits everything while still exporting the would-be limit", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => t.app.inject({ method: "POST", url: "/fhir/Patient/p-000002/$triage" })));
    expect(results.every((r) => r.statusCode !== 429)).toBe(true);
    expect(await metric(t.app, "clinical_admission_enabled")).toBe(0);
  });
});

describe("admission control at cold start (default settings)", () => {
  const t = useClinicalApp(fastestDb(), { resources: { rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false } } });

  it("admits a burst of 40 clinical reads arriving at a service that has just started (no pin to the probe concurrency)", async () => {
    const burst = Array.from({ length: 40 }, (_, i) => t.app.inject({ method: "GET", url: `/fhir/Observation?patient=p-${String(1 + (i % 50)).padStart(6, "0")}&_count=5` }));
    const statuses = (await Promise.all(burst)).map((r) => r.statusCode);
    expect(statuses).toEqual(Array(40).fill(200));
    expect(await metric(t.app, "clinical_admission_rejected_total", { class: "clinical-data", reason: "concurrency" })).toBe(0);
  });
});
