import type { FastifyInstance, InjectOptions } from "fastify";
import { buildClinicalApp, type ClinicalAppDeps } from "../src/app";
import type { AuthConfig } from "../src/auth/config";
import { parseScopes } from "../src/auth/scopes";
import { issueToken } from "../src/auth/tokens";

/** The signing key of every test app (tests that need another key make their own). */
export const TEST_SIGNING_KEY = new Uint8Array(32).fill(7);
export const TEST_AUTH: Extract<AuthConfig, { mode: "required" }> = { mode: "required", signingKey: TEST_SIGNING_KEY };
export const ALL_SCOPES = "system/*.cruds";

/** A token signed with the test key, as /auth/token would issue it (an hour, so long suites never see it expire). */
export async function testToken(scopes = ALL_SCOPES, clientId = "test-client", lifetimeS = 3600): Promise<string> {
  return (await issueToken(TEST_SIGNING_KEY, clientId, parseScopes(scopes).scopes, lifetimeS)).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Makes every `app.inject({...})` carry a bearer token (all scopes) unless the request sets its
 * own `authorization`, so suites about FHIR behaviour keep their requests as they were while
 * the real token check runs on each of them.
 */
export function injectWithToken(app: FastifyInstance, token: string): FastifyInstance {
  const original = app.inject.bind(app) as (o: InjectOptions) => ReturnType<FastifyInstance["inject"]>;
  const patched = (opts: InjectOptions | string) => {
    const o = typeof opts === "string" ? { url: opts } : opts;
    return original({ ...o, headers: { ...bearer(token), ...(o.headers ?? {}) } });
  };
  return Object.assign(app, { inject: patched as unknown as FastifyInstance["inject"] });
}

/** buildClinicalApp with authentication on (the test key) and a token on every inject. */
export async function buildTestClinicalApp(deps: Omit<ClinicalAppDeps, "auth">, token?: string): Promise<FastifyInstance> {
  const app = await buildClinicalApp({ ...deps, auth: TEST_AUTH });
  return injectWithToken(app, token ?? (await testToken()));
}

let shared: Promise<string> | undefined;
/** `fetch` with an all-scopes test token, for suites that talk to a listening test app over HTTP. */
export async function fetchWithToken(url: string | URL, init: RequestInit = {}): Promise<Response> {
  const token = await (shared ??= testToken());
  return fetch(url, { ...init, headers: { ...bearer(token), ...(init.headers as Record<string, string> | undefined) } });
}
