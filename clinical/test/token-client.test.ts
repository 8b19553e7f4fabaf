import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "@/core/engines/admission/rate-limit";
import { ClinicalTokenClient, CONSOLE_CLIENT_SCOPES, keepTokenFresh, TokenRequestFailed } from "@/core/auth/token-client";
import { buildClinicalApp } from "../src/app";
import { registerClient } from "../src/auth/clients";
import { loadHospital } from "../src/seed/load-hospital";
import { TEST_AUTH } from "./auth-support";
import { FIXTURE } from "./fixture";
import { fastestDb, useClinicalDb } from "./support";

/** The console's and load generator's token client against a real service. */
describe("ClinicalTokenClient", () => {
  const ctx = useClinicalDb(fastestDb());
  let app: FastifyInstance;
  let url = "";
  let creds: { clientId: string; clientSecret: string };
  const calls: string[] = [];
  const counting: typeof fetch = (input, init) => {
    calls.push(new URL(String(input)).pathname);
    return fetch(input, init);
  };
  const start = async (key: Uint8Array) => {
    app = await buildClinicalApp({ db: ctx.db, logLevel: "silent", auth: { mode: "required", signingKey: key }, resources: { rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false } } });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  };
  beforeAll(async () => {
    await loadHospital(ctx.db, { ...FIXTURE, patients: 20 });
    const c = await registerClient(ctx.db, { name: "console", scopes: CONSOLE_CLIENT_SCOPES });
    creds = { clientId: c.id, clientSecret: c.secret };
    await start(TEST_AUTH.signingKey);
  });
  afterAll(() => app?.close());

  it("fetches one token for many calls, and a new one shortly before expiry", async () => {
    let now = Date.now();
    const client = new ClinicalTokenClient({ baseUrl: url, ...creds, scope: CONSOLE_CLIENT_SCOPES, fetch: counting, now: () => now });
    calls.length = 0;
    const results = await Promise.all(Array.from({ length: 5 }, () => client.fetch(`${url}/fhir/Patient/p-000001`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(calls.filter((p) => p === "/auth/token")).toHaveLength(1); // concurrent callers share one request
    const first = await client.token();
    now += 269_000; // 300 s token, 30 s margin: still cached
    expect(await client.token()).toBe(first);
    now += 2_000; // past the refresh time
    await new Promise((r) => setTimeout(r, 1100)); // a new iat, so the token differs
    expect(await client.token()).not.toBe(first);
    expect(calls.filter((p) => p === "/auth/token")).toHaveLength(2);
  });

  it("on a 401 fetches a new token and retries once (the service restarted with a new key)", async () => {
    const client = new ClinicalTokenClient({ baseUrl: url, ...creds, scope: "system/Patient.r", fetch: counting });
    expect((await client.fetch(`${url}/fhir/Patient/p-000001`)).status).toBe(200);
    await app.close();
    await start(new Uint8Array(32).fill(3));
    client.opts.baseUrl = url;
    calls.length = 0;
    expect((await client.fetch(`${url}/fhir/Patient/p-000001`)).status).toBe(200);
    expect(calls).toEqual(["/fhir/Patient/p-000001", "/auth/token", "/fhir/Patient/p-000001"]);
  });

  it("says why when the service refuses the credentials", async () => {
    const client = new ClinicalTokenClient({ baseUrl: url, clientId: creds.clientId, clientSecret: "wrong", scope: "system/Patient.r" });
    await expect(client.token()).rejects.toThrow(TokenRequestFailed);
    await expect(client.token()).rejects.toThrow(/401 invalid_client/);
  });

  it("keeps a load test's headers supplied with a current token", async () => {
    const client = new ClinicalTokenClient({ baseUrl: url, ...creds, scope: "system/Patient.r" });
    const seen: string[] = [];
    const stop = await keepTokenFresh(client, (t) => seen.push(t));
    stop();
    expect(seen).toHaveLength(1);
    expect((await fetch(`${url}/fhir/Patient/p-000001`, { headers: { authorization: `Bearer ${seen[0]}` } })).status).toBe(200);
  });
});
