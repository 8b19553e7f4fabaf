import { Pool } from "undici";
import type { ErrorKind } from "./recorder";

export interface TargetResponse {
  status: number;
  body?: string;
}

export interface Target {
  request(method: string, path: string, opts?: { body?: string; headers?: Record<string, string>; readBody?: boolean }): Promise<TargetResponse>;
  close(): Promise<void>;
}

/**
 * An undici connection pool to one origin, connecting only to the pinned address (resolved and
 * checked once, see target-guard.ts). Redirects are never followed: a 3xx is just a status.
 */
export function httpTarget(origin: string, opts: { connections: number; pinnedAddress?: { address: string; family: number }; timeoutMs?: number }): Target {
  const pinned = opts.pinnedAddress;
  const pool = new Pool(origin, {
    connections: opts.connections,
    pipelining: 1,
    headersTimeout: opts.timeoutMs ?? 30_000,
    bodyTimeout: opts.timeoutMs ?? 30_000,
    connect: pinned ? { lookup: (_host: string, _o: unknown, cb: (err: null, address: string, family: number) => void) => cb(null, pinned.address, pinned.family) } : undefined,
  });
  return {
    async request(method, path, o = {}) {
      const res = await pool.request({ method: method as "GET", path, body: o.body, headers: o.headers });
      if (o.readBody) return { status: res.statusCode, body: await res.body.text() };
      await res.body.dump();
      return { status: res.statusCode };
    },
    close: () => pool.close(),
  };
}

export function errorKind(err: unknown): ErrorKind {
  const code = (err as { code?: string })?.code ?? "";
  if (/TIMEOUT/i.test(code)) return "timeout";
  if (/ECONN|EPIPE|SOCKET|UND_ERR_CLOSED|ENOTFOUND|EHOSTUNREACH/i.test(code)) return "connection";
  return "other";
}
