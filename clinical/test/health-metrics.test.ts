import { describe, expect, it } from "vitest";
import { clinicalDbKinds } from "./support";
import { useClinicalApp } from "./fixture";

/** The series lines of one metric whose labels include every `label="value"` given. */
function series(text: string, metric: string, labels: Record<string, string>): string[] {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return text.split("\n").filter((l) => l.startsWith(`${metric}{`) && wanted.every((w) => l.includes(w)));
}

describe.each(clinicalDbKinds())("health and metrics on %s", (kind) => {
  const t = useClinicalApp(kind);

  it("reports the database up, Redis not configured and the cache L1-only when no client is given", async () => {
    const res = await t.app.inject({ method: "GET", url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: "ok", database: { status: "up", kind }, redis: { status: "not-configured" }, cache: { mode: "on", l1: true, l2: "not-configured" },
    });
  });

  it("labels request durations by route template and priority class, 404s as unmatched", async () => {
    await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000001" });
    await t.app.inject({ method: "GET", url: "/fhir/Patient/p-999999" });
    await t.app.inject({ method: "GET", url: "/no/such/route" });
    const res = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    const text = res.body;
    const http = "clinical_http_request_duration_seconds_count";
    expect(series(text, http, { route: "/fhir/Patient/:id", method: "GET", status_code: "200", priority_class: "patient-data" })).toHaveLength(1);
    expect(series(text, http, { route: "/fhir/Patient/:id", status_code: "404", priority_class: "patient-data" })).toHaveLength(1);
    expect(series(text, http, { route: "unmatched", status_code: "404", priority_class: "system" })).toHaveLength(1);
    expect(series(text, http, { route: "/health", priority_class: "system" })).toHaveLength(1);
    expect(series(text, "clinical_db_query_duration_seconds_count", { query: "patient.read" })).toHaveLength(1);
    expect(text).toMatch(/^clinical_http_requests_in_flight \d+$/m);
    expect(text).toMatch(/^clinical_process_cpu_seconds_total /m);
    // Raw paths must never become label values.
    expect(text).not.toContain("p-000001");
    expect(text).not.toContain("p-999999");
    expect(text).not.toContain("/no/such/route");
  });

  it("labels load-test requests (x-vigil-run) as synthetic and the rest as real, never the tag itself", async () => {
    await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000002", headers: { "x-vigil-run": "opaque-run-tag-123" } });
    await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000002" });
    const text = (await t.app.inject({ method: "GET", url: "/metrics" })).body;
    const http = "clinical_http_request_duration_seconds_count";
    const of = (traffic: string) => series(text, http, { route: "/fhir/Patient/:id", status_code: "200", traffic });
    expect(of("synthetic")).toHaveLength(1);
    expect(of("real")).toHaveLength(1);
    expect(of("synthetic")[0]).toMatch(/ 1$/);
    expect(text).not.toContain("opaque-run-tag-123");
  });
});
