import type { FastifyInstance } from "fastify";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "@/core/engines/admission/rate-limit";
import { buildClinicalApp } from "../src/app";
import { registerClient, revokeClient } from "../src/auth/clients";
import { scopeRuleOf } from "../src/auth/route-scopes";
import { TokenVerifier } from "../src/auth/tokens";
import { loadHospital } from "../src/seed/load-hospital";
import { bearer, TEST_AUTH, TEST_SIGNING_KEY, testToken } from "./auth-support";
import { FIXTURE } from "./fixture";
import { capturedLogger, fastestDb, useClinicalDb } from "./support";

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}` });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Every route the app serves, from Fastify's own route tree (not a hand-typed list). */
function routesOf(app: FastifyInstance): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^(.*?)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1]!.length) / 4;
    stack.length = depth;
    stack.push(m[2]!);
    for (const method of m[3]?.split(", ") ?? []) out.push({ method, url: stack.join("") });
  }
  return out;
}

/** A concrete URL for a route template, and a body its handler accepts. */
const concrete = (url: string) => url.replace(":id", "p-000001");
const BODIES: Record<string, string> = {
  "/fhir/Communication": JSON.stringify({ resourceType: "Communication", status: "completed", priority: "stat", subject: { reference: "Patient/p-000001" }, payload: [{ contentString: "review" }] }),
  "/fhir/Observation": JSON.stringify({ resourceType: "Observation", status: "final", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }], code: { coding: [{ system: "http://loinc.org", code: "8867-4" }] }, subject: { reference: "Patient/p-000001" }, effectiveDateTime: "2026-11-26T07:00:00Z", valueQuantity: { value: 80, unit: "/min", system: "http://unitsofmeasure.org", code: "/min" } }),
};

describe("POST /auth/token: client credentials, SMART v2 scopes", () => {
  const ctx = useClinicalDb(fastestDb());
  const log = capturedLogger();
  let app: FastifyInstance;
  let client: { id: string; secret: string };
  beforeAll(async () => {
    await loadHospital(ctx.db, { ...FIXTURE, patients: 20 });
    app = await buildClinicalApp({ db: ctx.db, logger: log.logger, auth: { ...TEST_AUTH, tokenLifetimeS: 2 }, resources: { rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false } } });
    client = await registerClient(ctx.db, { name: "ward dashboard", scopes: "system/Patient.rs system/Observation.rs" });
  });
  afterAll(() => app?.close());
  const token = (headers: Record<string, string>, fields: Record<string, string>) => app.inject({ method: "POST", url: "/auth/token", headers: { ...FORM, ...headers }, payload: form(fields) });

  it("issues a short-lived signed token for a good secret (Basic or form), narrowed to registered scopes", async () => {
    const res = await token(basic(client.id, client.secret), { grant_type: "client_credentials", scope: "system/Patient.r system/Observation.crs system/Communication.c" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const body = res.json();
    // Observation.c and Communication.c were asked for but never registered: not granted.
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 2, scope: "system/Patient.r system/Observation.rs" });
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({ sub: client.id, scope: "system/Patient.r system/Observation.rs", iss: "vigil-clinical", aud: "vigil-clinical-fhir" });
    expect(claims.exp! - claims.iat!).toBe(2);
    const viaForm = await token({}, { grant_type: "client_credentials", client_id: client.id, client_secret: client.secret, scope: "system/*.rs" });
    expect(viaForm.json().scope).toBe("system/Patient.rs system/Observation.rs");
    // The narrowed token really is narrow: Observation create is refused.
    const write = await app.inject({ method: "POST", url: "/fhir/Observation", headers: { ...bearer(body.access_token), "content-type": "application/fhir+json" }, payload: BODIES["/fhir/Observation"] });
    expect(write.statusCode).toBe(403);
  });

  it.each([
    ["a wrong secret", () => basic(client.id, `${client.secret}x`), 401, "invalid_client"],
    ["an unknown client", () => basic("vc-nobody-at-all", client.secret), 401, "invalid_client"],
    ["no credentials", () => ({}), 401, "invalid_client"],
  ] as const)("refuses %s", async (_label, headers, status, error) => {
    const res = await token(headers(), { grant_type: "client_credentials", scope: "system/Patient.r" });
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toBe(error);
    expect(res.headers["www-authenticate"]).toMatch(/^Basic /);
    expect(res.body).not.toContain("access_token");
  });

  it("refuses other grants, scopes it cannot grant and scopes that are not SMART v2", async () => {
    expect((await token(basic(client.id, client.secret), { grant_type: "password", scope: "system/Patient.r" })).json().error).toBe("unsupported_grant_type");
    expect((await token(basic(client.id, client.secret), { grant_type: "client_credentials", scope: "system/Communication.c" })).json().error).toBe("invalid_scope");
    expect((await token(basic(client.id, client.secret), { grant_type: "client_credentials", scope: "patient/Patient.read" })).json().error).toBe("invalid_scope");
    expect((await token(basic(client.id, client.secret), { grant_type: "client_credentials" })).json().error).toBe("invalid_scope");
  });

  it("stops issuing to a revoked client; its cached token stops working at its expiry", async () => {
    const c = await registerClient(ctx.db, { name: "revoked soon", scopes: "system/Patient.r" });
    const t = (await token(basic(c.id, c.secret), { grant_type: "client_credentials", scope: "system/Patient.r" })).json().access_token as string;
    const read = () => app.inject({ method: "GET", url: "/fhir/Patient/p-000001", headers: bearer(t) });
    expect((await read()).statusCode).toBe(200); // verified once, now cached
    expect(await revokeClient(ctx.db, c.id)).toBe(true);
    expect((await token(basic(c.id, c.secret), { grant_type: "client_credentials", scope: "system/Patient.r" })).statusCode).toBe(401);
    expect((await read()).statusCode).toBe(200); // still inside its two seconds
    const expMs = decodeJwt(t).exp! * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, expMs - Date.now()) + 50));
    const late = await read();
    expect(late.statusCode).toBe(401);
    expect(late.headers["www-authenticate"]).toBe('Bearer realm="vigil-clinical", error="invalid_token"');
  });
});

describe("every /fhir route needs a bearer token with its scope", () => {
  const ctx = useClinicalDb(fastestDb());
  let app: FastifyInstance;
  beforeAll(async () => {
    await loadHospital(ctx.db, { ...FIXTURE, patients: 20 });
    app = await buildClinicalApp({ db: ctx.db, logLevel: "silent", auth: TEST_AUTH, resources: { rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false } } });
  });
  afterAll(() => app?.close());

  it("401 without or with a bad token, 403 without the scope, through with exactly the scope; others exempt", async () => {
    const routes = routesOf(app);
    const fhir = routes.filter((r) => r.url.startsWith("/fhir/"));
    expect(fhir.length).toBeGreaterThanOrEqual(20); // GET+HEAD per read/search, POSTs
    const forged = (await testToken()).replace(/.{4}$/, "AAAA");
    for (const { method, url } of fhir) {
      const rule = scopeRuleOf(method, url);
      expect(rule, `${method} ${url} has a scope rule`).not.toBeNull();
      const req = (headers: Record<string, string>) =>
        app.inject({ method: method as "GET", url: concrete(url), headers: { ...headers, ...(BODIES[url] && method === "POST" ? { "content-type": "application/fhir+json" } : {}) }, payload: method === "POST" ? BODIES[url] : undefined });
      for (const headers of [{}, { authorization: "Bearer" }, { authorization: "Basic abc" }, bearer(forged), bearer(await testToken("system/*.cruds", "c", -10))]) {
        const res = await req(headers);
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers["www-authenticate"]).toMatch(/^Bearer realm="vigil-clinical"/);
        if (method !== "HEAD") expect(res.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "security" }] });
      }
      // Every other interaction on the same type, and the same interaction on every other type.
      const others = ["c", "r", "u", "d", "s"].filter((i) => i !== rule!.interaction).join("");
      const wrong = `system/${rule!.resource}.${others} system/Basic.cruds`;
      const denied = await req(bearer(await testToken(wrong)));
      expect(denied.statusCode, `${method} ${url} with ${wrong}`).toBe(403);
      expect(denied.headers["www-authenticate"]).toContain(`scope="system/${rule!.resource}.${rule!.interaction}"`);
      if (method !== "HEAD") expect(denied.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "forbidden" }] });
      const allowed = await req(bearer(await testToken(`system/${rule!.resource}.${rule!.interaction}`)));
      expect([401, 403], `${method} ${url} with its own scope`).not.toContain(allowed.statusCode);
    }
    for (const { method, url } of routes.filter((r) => !r.url.startsWith("/fhir/") && !r.url.startsWith("/admin/") && r.url !== "/auth/token")) {
      expect([401, 403], `${method} ${url} is exempt`).not.toContain((await app.inject({ method: method as "GET", url })).statusCode);
    }
  });

  it("decides $triage as a read of the RiskAssessment it returns", () => {
    expect(scopeRuleOf("POST", "/fhir/Patient/:id/$triage")).toEqual({ resource: "RiskAssessment", interaction: "r" });
  });

  it("refuses to start with a /fhir route nobody wrote a scope rule for", async () => {
    const { requireToken } = await import("../src/auth/require-token");
    const Fastify = (await import("fastify")).default;
    const bare = Fastify();
    requireToken(bare as unknown as FastifyInstance, new TokenVerifier(TEST_SIGNING_KEY));
    expect(() => bare.put("/fhir/Patient/:id", async () => "")).toThrow(/PUT \/fhir\/Patient\/:id has no SMART scope rule/);
    await bare.close();
  });
});

describe("verified tokens are cached until they expire", () => {
  it("verifies a token once, answers repeats from memory, bounded, and never past exp", async () => {
    const verifier = new TokenVerifier(TEST_SIGNING_KEY, 3);
    const t = await testToken("system/Patient.r", "c1", 2);
    const first = await verifier.verify(t);
    expect(first).toMatchObject({ clientId: "c1" });
    expect(verifier.cached).toBe(1);
    // A cache hit returns the very same object: no second verification happened.
    expect(await verifier.verify(t)).toBe(first);
    for (const id of ["c2", "c3", "c4"]) await verifier.verify(await testToken("system/Patient.r", id));
    expect(verifier.cached).toBe(3);
    expect(await verifier.verify("not.a.token")).toBeNull();
    expect(verifier.cached).toBe(3);
    const other = new TokenVerifier(TEST_SIGNING_KEY);
    const u = await testToken("system/Patient.r", "c5", 2);
    expect(await other.verify(u)).not.toBeNull();
    await new Promise((r) => setTimeout(r, decodeJwt(u).exp! * 1000 - Date.now() + 20));
    expect(await other.verify(u)).toBeNull();
  });

  it("refuses a token signed with another key or for another audience", async () => {
    const verifier = new TokenVerifier(TEST_SIGNING_KEY);
    const { issueToken } = await import("../src/auth/tokens");
    const { parseScopes } = await import("../src/auth/scopes");
    const elsewhere = (await issueToken(new Uint8Array(32).fill(9), "c", parseScopes("system/*.r").scopes, 60)).token;
    expect(await verifier.verify(elsewhere)).toBeNull();
  });
});

describe("rate limits are per authenticated client", () => {
  const ctx = useClinicalDb(fastestDb());
  let app: FastifyInstance;
  beforeAll(async () => {
    await loadHospital(ctx.db, { ...FIXTURE, patients: 20 });
    app = await buildClinicalApp({ db: ctx.db, logLevel: "silent", auth: TEST_AUTH, resources: { rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, windowS: 60, clientPoints: 100 } } });
  });
  afterAll(() => app?.close());

  it("charges a client across addresses, and clients behind one address separately", async () => {
    const a = await testToken("system/*.rs", "client-a");
    const b = await testToken("system/*.rs", "client-b");
    const read = (token: string, remoteAddress: string) => app.inject({ method: "GET", url: "/fhir/Patient/p-000001", remoteAddress, headers: bearer(token) });
    expect((await read(a, "10.9.0.1")).headers["ratelimit"]).toBe('"client";r=99;t=60');
    expect((await read(a, "10.9.0.2")).headers["ratelimit"]).toMatch(/^"client";r=98;/); // same client, other address
    expect((await read(b, "10.9.0.1")).headers["ratelimit"]).toMatch(/^"client";r=99;/); // same address, other client
    // Token requests are charged to their address (a write's 50 points): a flood of guesses is bounded.
    const guess = () => app.inject({ method: "POST", url: "/auth/token", remoteAddress: "10.9.0.9", headers: { ...FORM, ...basic("vc-guess", "wrong") }, payload: form({ grant_type: "client_credentials", scope: "system/Patient.r" }) });
    expect([(await guess()).statusCode, (await guess()).statusCode, (await guess()).statusCode]).toEqual([401, 401, 429]);
    // A refused token is never charged to anyone.
    const anon = await app.inject({ method: "GET", url: "/fhir/Patient/p-000001", remoteAddress: "10.9.0.1" });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers["ratelimit"]).toBeUndefined();
  });
});

describe("production configuration (clinicalAppFromEnv)", () => {
  const ctx = useClinicalDb(fastestDb());

  it("requires tokens by default, with a key generated once into the data folder", async () => {
    const { mkdtempSync, statSync, readFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { clinicalEnv } = await import("../src/env");
    const { clinicalAppFromEnv } = await import("../src/app-from-env");
    const dir = mkdtempSync(join(tmpdir(), "vigil-auth-env-"));
    try {
      const env = clinicalEnv({ VIGIL_DATA_DIR: dir, CLINICAL_REQUEST_LOG: "-", LOG_LEVEL: "silent" } as unknown as NodeJS.ProcessEnv);
      const { app } = await clinicalAppFromEnv(env, ctx.db);
      expect((await app.inject({ method: "GET", url: "/fhir/Patient/p-000001" })).statusCode).toBe(401);
      await app.close();
      const file = join(dir, "clinical-token-key");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const key = readFileSync(file, "utf8");
      await (await clinicalAppFromEnv(env, ctx.db)).app.close();
      expect(readFileSync(file, "utf8")).toBe(key); // generated once, read back on later starts
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("turns auth off only when told to (CLINICAL_AUTH=off), with a warning at start", async () => {
    const { clinicalEnv } = await import("../src/env");
    const { clinicalAppFromEnv } = await import("../src/app-from-env");
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (msg: string) => void warnings.push(msg);
    try {
      const { app } = await clinicalAppFromEnv(clinicalEnv({ CLINICAL_AUTH: "off", CLINICAL_REQUEST_LOG: "-", LOG_LEVEL: "silent" } as unknown as NodeJS.ProcessEnv), ctx.db);
      expect((await app.inject({ method: "GET", url: "/fhir/Patient/p-000001" })).statusCode).toBe(404); // no token needed, no such patient here
      await app.close();
    } finally {
      console.warn = original;
    }
    expect(warnings.join("\n")).toMatch(/CLINICAL_AUTH=off: the FHIR API accepts requests without a token/);
    expect(() => clinicalEnv({ CLINICAL_AUTH: "no" } as unknown as NodeJS.ProcessEnv)).toThrow(/CLINICAL_AUTH/);
  });
});
