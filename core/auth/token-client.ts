/**
 * A client of the clinical service's `POST /auth/token` (client credentials): caches the token
 * until shortly before it expires, shares one request between concurrent callers, and retries a
 * request once with a new token when the service answers 401 (key rotated, service restarted
 * with a new generated key). Used by the console, the load generator and `npm run clinical:token`.
 */

/** Named defaults, with units and reasons. */
export const TOKEN_CLIENT_DEFAULTS = {
  /**
   * Seconds before `expires_in` runs out that a cached token is replaced: 30. A request signed
   * just before expiry must not arrive after it, and the two machines' clocks may differ by a
   * few seconds; with five-minute tokens this costs one token request per 4.5 minutes.
   */
  refreshMarginS: 30,
  /** How long a token request may take, milliseconds: 5,000 (one scrypt check and a signature; normally ~60 ms). */
  timeoutMs: 5_000,
} as const;

/**
 * What the console and the load generator ask for: every read and search (the census, patient,
 * vitals and labs journeys; RiskAssessment for $triage) and the two creates the load scenarios
 * make (vital signs, stat alerts). `npm start` and the e2e suite register the console with these.
 */
export const CONSOLE_CLIENT_SCOPES = "system/*.rs system/Observation.c system/Communication.c";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export class TokenRequestFailed extends Error {
  readonly code = "TOKEN_REQUEST_FAILED";
  constructor(readonly status: number, readonly error: string, description?: string) {
    super(`token request refused (${status} ${error})${description ? `: ${description}` : ""}`);
  }
}

export interface TokenClientOptions extends ClientCredentials {
  /** The clinical service's base URL; the token endpoint is `<baseUrl>/auth/token`. */
  baseUrl: string;
  scope: string;
  refreshMarginS?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export class ClinicalTokenClient {
  #cached: { token: string; refreshAtMs: number; expiresAtMs: number } | null = null;
  #pending: Promise<string> | null = null;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;

  constructor(readonly opts: TokenClientOptions) {
    this.#fetch = opts.fetch ?? fetch;
    this.#now = opts.now ?? Date.now;
  }

  /** A token valid for at least the refresh margin; fetched only when the cached one is due. */
  async token(): Promise<string> {
    if (this.#cached && this.#now() < this.#cached.refreshAtMs) return this.#cached.token;
    return (this.#pending ??= this.#request().finally(() => (this.#pending = null)));
  }

  /** When the cached token should be replaced (epoch ms), or null when there is none. */
  get refreshAtMs(): number | null {
    return this.#cached?.refreshAtMs ?? null;
  }

  /** Forgets the cached token (the service refused it). */
  invalidate(): void {
    this.#cached = null;
  }

  /** `fetch` with `Authorization: Bearer`; on a 401 once more with a fresh token. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const send = async () => this.#fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${await this.token()}` } });
    const first = await send();
    if (first.status !== 401) return first;
    await first.body?.cancel();
    this.invalidate();
    return send();
  }

  async #request(): Promise<string> {
    const basic = Buffer.from(`${encodeURIComponent(this.opts.clientId)}:${encodeURIComponent(this.opts.clientSecret)}`).toString("base64");
    const res = await this.#fetch(new URL("/auth/token", this.opts.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}`, accept: "application/json" },
      body: new URLSearchParams({ grant_type: "client_credentials", scope: this.opts.scope }).toString(),
      signal: AbortSignal.timeout(TOKEN_CLIENT_DEFAULTS.timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!res.ok || typeof body.access_token !== "string") throw new TokenRequestFailed(res.status, body.error ?? "unexpected_response", body.error_description);
    const lifetimeMs = Math.max(1, Number(body.expires_in) || 60) * 1000;
    const marginMs = Math.min((this.opts.refreshMarginS ?? TOKEN_CLIENT_DEFAULTS.refreshMarginS) * 1000, lifetimeMs / 2);
    const now = this.#now();
    this.#cached = { token: body.access_token, refreshAtMs: now + lifetimeMs - marginMs, expiresAtMs: now + lifetimeMs };
    return body.access_token;
  }
}

/**
 * Keeps `apply` supplied with a current token for as long as a load test runs: fetches one now,
 * then again at each refresh time. Returns a stop function. A failed refresh is retried every
 * few seconds; the old token keeps being used until it expires (the run then sees 401s).
 */
export async function keepTokenFresh(client: ClinicalTokenClient, apply: (token: string) => void, onError: (err: unknown) => void = () => {}): Promise<() => void> {
  apply(await client.token());
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(async () => {
      try {
        apply(await client.token());
        schedule(Math.max(1000, (client.refreshAtMs ?? Date.now()) - Date.now()));
      } catch (err) {
        onError(err);
        schedule(5000);
      }
    }, ms);
    timer.unref?.();
  };
  schedule(Math.max(1000, (client.refreshAtMs ?? Date.now()) - Date.now()));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
