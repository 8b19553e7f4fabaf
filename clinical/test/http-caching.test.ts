import { describe, expect, it } from "vitest";
import { useClinicalApp } from "./fixture";
import { matchesIfNoneMatch } from "../src/http/etag";

describe("FHIR reads: ETag, If-None-Match and no shared caching of PHI", () => {
  const t = useClinicalApp("pglite");

  it("answers a matching If-None-Match with 304 and no body, and a stale one with the resource", async () => {
    const first = await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000001" });
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("private, no-store");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    const again = await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000001" });
    expect(again.headers.etag).toBe(etag);

    const revalidated = await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000001", headers: { "if-none-match": `"stale", ${etag.replace("W/", "")}` } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe("");
    expect(revalidated.headers.etag).toBe(etag);

    const stale = await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000001", headers: { "if-none-match": 'W/"not-it"' } });
    expect(stale.statusCode).toBe(200);
    expect(stale.json().id).toBe("p-000001");
  });

  it("gives another patient another ETag, so one patient's validator never revalidates another's data", async () => {
    const a = await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000001" });
    const b = await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000002", headers: { "if-none-match": a.headers.etag as string } });
    expect(b.statusCode).toBe(200);
    expect(b.headers.etag).not.toBe(a.headers.etag);
  });

  it("tags searches too, and never errors, writes or non-FHIR routes", async () => {
    const search = await t.app.inject({ method: "GET", url: "/fhir/Observation?patient=p-000001&category=vital-signs&_count=5" });
    expect(search.headers["cache-control"]).toBe("private, no-store");
    expect(search.headers.etag).toBeDefined();
    expect((await t.app.inject({ method: "GET", url: "/fhir/Patient/p-999999" })).headers.etag).toBeUndefined();
    expect((await t.app.inject({ method: "GET", url: "/health" })).headers.etag).toBeUndefined();
    expect((await t.app.inject({ method: "POST", url: "/fhir/Patient/p-000001/$triage" })).headers.etag).toBeUndefined();
  });

  it("compares validators weakly, as RFC 9110 asks for If-None-Match", () => {
    expect(matchesIfNoneMatch('W/"abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch("*", 'W/"x"')).toBe(true);
    expect(matchesIfNoneMatch('"abd"', 'W/"abc"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, 'W/"abc"')).toBe(false);
  });
});
