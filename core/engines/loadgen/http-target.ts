import { Pool } from "undici";
import type { ErrorKind } from "./recorder";
import { runMarker } from "./run-marker";

export interface TargetResponse {
  status: number;
  body?: string;
}

export interface Target {
  /** Callback form for the hot loop: body discarded, `status` null on a transport error. */
  send(method: string, path: string, cb: (status: number | null, err: unknown) => void): void;
  request(method: string, path: string, opts?: { body?: string; headers?: Record<string, string>; readBody?: boolean }): Promise<TargetResponse>;
  /**
   * Opens every pooled connection with HEAD requests before measuring, so the run's first
   * second is not spent on connection set-up (it showed as a ~300 ms stall at 25k req/s).
   */
  warmUp(path: string): Promise<void>;
  /**
   * Replaces the extra headers every request carries (`Authorization: Bearer …` or `--header`
   * values); the load generator's token keeper calls it when a token is renewed mid-run.
   */
  setHeaders(headers: Record<string, string>): void;
  close(): Promise<void>;
}

/** `Name: value` (the CLI's --header) → [lower-case name, value]; null when it is not a valid header line. */
export function parseHeaderLine(line: string): [string, string] | null {
  const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([^\r\n]*?)[ \t]*$/.exec(line);
  return m ? [m[1]!.toLowerCase(), m[2]!] : null;
}

/**
 * Most a step may buffer of one response body (bytes): 8 MiB. The checks read a FHIR resource or
 * a search page (the clinical service caps _count at 100, well under 1 MiB); a target that
 * streams more is refused as an error instead of growing the generator's memory without bound.
 * Bodies the hot loop does not read are discarded as they arrive and never count.
 */
export const MAX_RESPONSE_BODY_BYTES = 8 * 1024 * 1024;

export class ResponseTooLarge extends Error {
  readonly code = "VIGIL_RESPONSE_TOO_LARGE";
  constructor(limit: number) {
    super(`response body over ${limit} bytes: not read further`);
  }
}

/**
 * An undici connection pool to one origin, connecting only to the pinned address (resolved and
 * checked once, see target-guard.ts). Redirects are never followed: a 3xx is just a status.
 */
export function httpTarget(origin: string, opts: { connections: number; pinnedAddress?: PinnedLookup; timeoutMs?: number; runTag?: string; maxBodyBytes?: number; headers?: Record<string, string> }): Target {
  const maxBody = opts.maxBodyBytes ?? MAX_RESPONSE_BODY_BYTES;
  const pinned = opts.pinnedAddress;
  // Every request says it is a load test (x-vigil-run), so SLOs can leave it out.
  const marker = runMarker(opts.runTag);
  // Built once per header change, not per request: the hot loop passes the same object each time.
  let base: Record<string, string> = { ...opts.headers, ...marker };
  const pool = new Pool(origin, {
    connections: opts.connections,
    pipelining: 1,
    headersTimeout: opts.timeoutMs ?? 30_000,
    bodyTimeout: opts.timeoutMs ?? 30_000,
    connect: pinned ? { lookup: pinnedLookup(pinned) } : undefined,
  });
  const target: Target = {
    send: (method, path, cb) => pool.dispatch({ origin, method: method as "GET", path, headers: base }, new SendHandler(cb) as unknown as Parameters<Pool["dispatch"]>[1]),
    // undici's low-level dispatch: ~30% more requests per second than pool.request on this
    // machine, which is what lets the generator keep up with autocannon.
    request: (method, path, o = {}) =>
      new Promise((resolve, reject) => {
        let status = 0;
        let size = 0;
        let abort: ((err: Error) => void) | undefined;
        const chunks: Buffer[] = [];
        pool.dispatch({ origin, method: method as "GET", path, body: o.body, headers: o.headers ? { ...base, ...o.headers } : base }, {
          onConnect(a: (err: Error) => void) {
            abort = a;
          },
          onHeaders(code: number) {
            status = code;
            return true;
          },
          onData(chunk: Buffer) {
            if (!o.readBody) return true;
            size += chunk.length;
            if (size > maxBody) {
              chunks.length = 0;
              abort?.(new ResponseTooLarge(maxBody));
              return false;
            }
            chunks.push(chunk);
            return true;
          },
          onComplete() {
            resolve(o.readBody ? { status, body: Buffer.concat(chunks).toString("utf8") } : { status });
          },
          onError: reject,
        } as unknown as Parameters<Pool["dispatch"]>[1]);
      }),
    async warmUp(path) {
      const one = () => target.request("HEAD", path).catch(() => undefined);
      await Promise.all(Array.from({ length: opts.connections }, one));
    },
    setHeaders(headers) {
      base = { ...headers, ...marker };
    },
    close: () => pool.close(),
  };
  return target;
}

type PinnedLookup = { address: string; family: number; addresses?: { address: string; family: number }[] };
type LookupCallback = (err: null, address: string | { address: string; family: number }[], family?: number) => void;

/**
 * A `dns.lookup` stand-in that only ever answers the pinned addresses. Node 20's net.connect
 * asks with `{ all: true }` (happy eyeballs) and then expects an array: answering that with one
 * address made every connection to a host *name* fail with ERR_INVALID_IP_ADDRESS.
 */
export function pinnedLookup(pinned: PinnedLookup) {
  const all = pinned.addresses?.length ? pinned.addresses : [{ address: pinned.address, family: pinned.family }];
  return (_host: string, o: { all?: boolean } | number | undefined, cb: LookupCallback) => {
    if (typeof o === "object" && o?.all) cb(null, all);
    else cb(null, all[0]!.address, all[0]!.family);
  };
}

/**
 * undici dispatch handler for the hot loop. A class, not an object literal: a literal's methods
 * are new closures (and, under tsx, `__name` calls) on every request, a few % of throughput.
 */
class SendHandler {
  status = 0;
  constructor(private readonly cb: (status: number | null, err: unknown) => void) {}
  onConnect(): void {}
  onHeaders(code: number): boolean {
    this.status = code;
    return true;
  }
  onData(): boolean {
    return true;
  }
  onComplete(): void {
    this.cb(this.status, null);
  }
  onError(err: unknown): void {
    this.cb(null, err);
  }
}

export function errorKind(err: unknown): ErrorKind {
  const code = (err as { code?: string })?.code ?? "";
  if (/TIMEOUT/i.test(code)) return "timeout";
  if (/ECONN|EPIPE|SOCKET|UND_ERR_CLOSED|ENOTFOUND|EHOSTUNREACH/i.test(code)) return "connection";
  return "other";
}
