import { describe, expect, it } from "vitest";
import { registerClient } from "../src/auth/clients";
import { syntheticPatients } from "../src/seed/synthetic-patients";
import { FIXTURE, useClinicalApp } from "./fixture";

const CANARY_ID = "CANARY-77123";
const CANARY_MRN = "SYN-CANARY-991";
const CANARY_NAME = "Zyxcanaryname";

/**
 * Pushes canary identifiers and a real patient's identifiers through every endpoint, on
 * success and error paths, then searches /metrics and every log line for them.
 */
describe("no identifier in metrics or logs", () => {
  const t = useClinicalApp("pglite");

  it("holds across every endpoint and error path", async () => {
    const real = [...syntheticPatients(FIXTURE.patients, FIXTURE.seed)][4]!;
    const json = { "content-type": "application/fhir+json" };
    const requests: { method: "GET" | "POST"; url: string; headers?: Record<string, string>; payload?: string }[] = [
      { method: "GET", url: `/fhir/Patient/${real.id}` },
      { method: "GET", url: `/fhir/Patient/${CANARY_ID}` },
      { method: "GET", url: `/fhir/Patient/${CANARY_ID}!!` },
      { method: "GET", url: `/fhir/Patient?identifier=${real.mrn}` },
      { method: "GET", url: `/fhir/Patient?identifier=${CANARY_MRN}&name=${CANARY_NAME}` },
      { method: "GET", url: `/fhir/Patient?name=${real.family}` },
      { method: "GET", url: `/fhir/Patient?${CANARY_NAME}=1` },
      { method: "GET", url: `/fhir/Observation?patient=${real.id}&category=vital-signs` },
      { method: "GET", url: `/fhir/Observation?patient=${CANARY_ID}&date=ge${CANARY_NAME}` },
      { method: "GET", url: `/fhir/Encounter?patient=${real.id}` },
      { method: "GET", url: `/fhir/Encounter?location=${CANARY_NAME}&status=in-progress` },
      { method: "POST", url: `/fhir/Patient/${real.id}/$triage` },
      { method: "GET", url: `/fhir/RiskAssessment/${real.id}` },
      { method: "GET", url: `/fhir/RiskAssessment/${CANARY_ID}` },
      { method: "GET", url: `/fhir/RiskAssessment?_id=${real.id},${CANARY_ID}` },
      { method: "GET", url: `/fhir/Patient?_id=${real.id},${CANARY_ID}` },
      { method: "GET", url: `/fhir/Observation?_id=o-1,${CANARY_ID}` },
      { method: "GET", url: `/fhir/Observation/${CANARY_ID}` },
      { method: "GET", url: `/fhir/Encounter/${CANARY_ID}` },
      { method: "GET", url: `/fhir/Encounter?_id=${CANARY_ID}` },
      { method: "GET", url: `/fhir/Location/${CANARY_NAME}` },
      { method: "GET", url: `/fhir/Location?_id=${CANARY_NAME}` },
      { method: "GET", url: `/fhir/Communication/${CANARY_ID}` },
      { method: "GET", url: `/fhir/Communication?_id=${CANARY_ID}` },
      { method: "POST", url: `/fhir/Patient/${CANARY_ID}/$triage` },
      { method: "POST", url: `/fhir/Patient/${real.id}/$triage`, headers: json, payload: `{"name":"${CANARY_NAME}"}` },
      { method: "POST", url: "/fhir/Communication", headers: json, payload: JSON.stringify({ resourceType: "Communication", status: "completed", priority: "stat", subject: { reference: `Patient/${real.id}` }, payload: [{ contentString: `${CANARY_NAME} collapsed` }] }) },
      { method: "POST", url: "/fhir/Communication", headers: json, payload: JSON.stringify({ resourceType: "Communication", status: "completed", priority: "stat", subject: { reference: `Patient/${CANARY_ID}` }, payload: [{ contentString: CANARY_MRN }] }) },
      { method: "POST", url: "/fhir/Communication", headers: json, payload: `{"broken": "${CANARY_NAME}` },
      { method: "POST", url: "/fhir/Communication", headers: { "content-type": "text/plain" }, payload: CANARY_NAME },
      { method: "GET", url: `/${CANARY_ID}/${real.mrn}` },
    ];
    const statuses = [];
    for (const r of requests) statuses.push((await t.app.inject(r)).statusCode);
    expect(statuses).not.toContain(500);
    expect(new Set(statuses)).toEqual(new Set([200, 201, 400, 404, 415, 422]));
    const metrics = (await t.app.inject({ method: "GET", url: "/metrics" })).body;
    const logs = t.log.text();
    expect(logs).toContain('"route":"/fhir/Patient/:id/$triage"');
    for (const secret of [CANARY_ID, CANARY_MRN, CANARY_NAME, real.id, real.mrn, real.family]) {
      expect(metrics, `metrics leak ${secret}`).not.toContain(secret);
      expect(logs, `logs leak ${secret}`).not.toContain(secret);
    }
    expect(metrics).toMatch(/priority_class="emergency"/);
    expect(metrics).toMatch(/priority_class="ai-inference"/);
    expect(metrics).toMatch(/priority_class="clinical-data"/);
    expect(metrics).toMatch(/priority_class="patient-data"/);
  });

  it("keeps client secrets and bearer tokens out of logs and metrics", async () => {
    const client = await registerClient(t.ctx.db, { name: "canary client", scopes: "system/Patient.rs" });
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const grant = (secret: string) => new URLSearchParams({ grant_type: "client_credentials", client_id: client.id, client_secret: secret, scope: "system/Patient.r system/Observation.r" }).toString();
    const issued = await t.app.inject({ method: "POST", url: "/auth/token", headers: form, payload: grant(client.secret) });
    expect(issued.statusCode).toBe(200);
    const token = issued.json().access_token as string;
    const wrongSecret = `${client.secret}-wrong`;
    const refusedGrant = await t.app.inject({ method: "POST", url: "/auth/token", headers: form, payload: grant(wrongSecret) });
    expect(refusedGrant.statusCode).toBe(401);
    const statuses = [];
    for (const url of ["/fhir/Patient/p-000001", "/fhir/Observation?patient=p-000001", "/fhir/Encounter?patient=p-000001"]) {
      statuses.push((await t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } })).statusCode);
      statuses.push((await t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}x` } })).statusCode);
    }
    expect(new Set(statuses)).toEqual(new Set([200, 401, 403]));
    const metrics = (await t.app.inject({ method: "GET", url: "/metrics" })).body;
    const logs = t.log.text();
    expect(logs).toContain('"route":"/auth/token"');
    // The token's signature part alone, too: a log that truncated the header would still leak it.
    for (const secret of [client.secret, wrongSecret, token, token.split(".")[2]!]) {
      expect(metrics, "metrics leak a credential").not.toContain(secret);
      expect(logs, "logs leak a credential").not.toContain(secret);
    }
  });
});
