import { connect, type Socket } from "node:net";
import type { Target } from "./http-target";

type Done = (status: number | null, err: unknown) => void;
const CRLF2 = Buffer.from("\r\n\r\n");

class TransportError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/**
 * One keep-alive HTTP/1.1 connection that sends GETs from pre-built bytes and reads just enough
 * of each response to know where it ends (status, Content-Length or chunked framing).
 */
class Connection {
  private socket: Socket | null = null;
  private buf: Buffer = Buffer.alloc(0);
  private done: Done | null = null;
  private status = 0;
  private phase: "head" | "length" | "chunk-size" | "chunk-data" | "trailer" | "until-close" = "head";
  private remaining = 0;
  private closeAfter = false;

  constructor(private readonly host: string, private readonly port: number, private readonly timeoutMs: number) {}

  send(request: Buffer, done: Done): void {
    this.done = done;
    this.phase = "head";
    if (!this.socket) this.open();
    this.socket!.write(request);
  }

  private open(): void {
    const s = connect({ host: this.host, port: this.port, noDelay: true });
    s.setTimeout(this.timeoutMs, () => s.destroy(new TransportError("response timed out", "UND_ERR_HEADERS_TIMEOUT")));
    // Events of a socket this connection already replaced must not touch the current request.
    s.on("data", (chunk: Buffer) => this.socket === s && this.onData(chunk));
    s.on("error", (err) => this.socket === s && this.fail(err));
    s.on("close", () => {
      if (this.socket !== s) return;
      if (this.phase === "until-close" && this.done) return this.finish();
      this.fail(new TransportError("connection closed", "UND_ERR_SOCKET"));
    });
    this.socket = s;
    this.buf = Buffer.alloc(0);
  }

  private fail(err: unknown): void {
    this.socket?.destroy();
    this.socket = null;
    const d = this.done;
    this.done = null;
    d?.(null, err);
  }

  private finish(): void {
    const d = this.done;
    this.done = null;
    if (this.closeAfter || this.phase === "until-close") {
      this.socket?.destroy();
      this.socket = null;
    }
    d?.(this.status, null);
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    try {
      while (this.done && this.step());
    } catch (err) {
      this.fail(err);
    }
  }

  /** Consumes what it can of the buffer; false when it needs more bytes. */
  private step(): boolean {
    const b = this.buf;
    switch (this.phase) {
      case "head": {
        const end = b.indexOf(CRLF2);
        if (end < 0) return false;
        const head = b.toString("latin1", 0, end);
        this.status = Number(head.slice(9, 12));
        const h = head.toLowerCase();
        const length = /\r\ncontent-length:\s*(\d+)/.exec(h);
        this.closeAfter = /\r\nconnection:\s*close/.test(h);
        this.buf = b.subarray(end + 4);
        if (this.status === 204 || this.status === 304 || this.status < 200) this.phase = "length", (this.remaining = 0);
        else if (/\r\ntransfer-encoding:[^\r]*chunked/.test(h)) this.phase = "chunk-size";
        else if (length) this.phase = "length", (this.remaining = Number(length[1]));
        else this.phase = "until-close";
        return true;
      }
      case "length": {
        const take = Math.min(this.remaining, b.length);
        this.remaining -= take;
        this.buf = b.subarray(take);
        if (this.remaining > 0) return false;
        this.finish();
        return true;
      }
      case "chunk-size": {
        const eol = b.indexOf("\r\n");
        if (eol < 0) return false;
        const size = parseInt(b.toString("latin1", 0, eol), 16);
        if (Number.isNaN(size)) throw new TransportError("bad chunk size", "UND_ERR_SOCKET");
        this.buf = b.subarray(eol + 2);
        this.phase = size === 0 ? "trailer" : "chunk-data";
        this.remaining = size + 2;
        return true;
      }
      case "chunk-data": {
        const take = Math.min(this.remaining, b.length);
        this.remaining -= take;
        this.buf = b.subarray(take);
        if (this.remaining > 0) return false;
        this.phase = "chunk-size";
        return true;
      }
      case "trailer": {
        const eol = b.indexOf("\r\n");
        if (eol < 0) return false;
        this.buf = b.subarray(eol + 2);
        if (eol === 0) this.finish();
        return true;
      }
      default:
        this.buf = Buffer.alloc(0);
        return false;
    }
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }
}

/**
 * The closed loop's maximum-throughput client (ad-hoc `--connections` runs and the benchmark):
 * GETs over N keep-alive sockets to the pinned address, as wrk and autocannon do. Scenario runs
 * use undici (http-target.ts), which also handles bodies, POSTs and everything else HTTP allows.
 */
export function rawGetTarget(origin: string, opts: { connections: number; pinnedAddress?: { address: string }; timeoutMs?: number; headers?: Record<string, string> }): Target {
  const url = new URL(origin);
  const host = opts.pinnedAddress?.address ?? url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port || 80);
  const idle = Array.from({ length: opts.connections }, () => new Connection(host, port, opts.timeoutMs ?? 30_000));
  const all = [...idle];
  const queue: [Buffer, Done][] = [];
  const requests = new Map<string, Buffer>();
  let extra = "";
  const setHeaders = (headers: Record<string, string> = {}) => {
    extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("");
    requests.clear(); // pre-built requests carry the old headers
  };
  setHeaders(opts.headers);
  const bytesFor = (path: string) => {
    let r = requests.get(path);
    if (!r) requests.set(path, (r = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\n${extra}Connection: keep-alive\r\n\r\n`, "latin1")));
    return r;
  };
  const run = (c: Connection, request: Buffer, done: Done) =>
    c.send(request, (status, err) => {
      const next = queue.shift();
      if (next) run(c, next[0], next[1]);
      else idle.push(c);
      done(status, err);
    });
  const target: Target = {
    send(method, path, done) {
      if (method !== "GET") return done(null, new TransportError("the raw client only sends GET", "UND_ERR_NOT_SUPPORTED"));
      const c = idle.pop();
      if (c) run(c, bytesFor(path), done);
      else queue.push([bytesFor(path), done]);
    },
    request: (method, path, o = {}) =>
      o.readBody || o.body
        ? Promise.reject(new TransportError("the raw client neither sends nor reads bodies", "UND_ERR_NOT_SUPPORTED"))
        : new Promise((resolve, reject) => target.send(method, path, (status, err) => (status === null ? reject(err) : resolve({ status })))),
    async warmUp(path) {
      await Promise.all(all.map(() => target.request("GET", path).catch(() => undefined)));
    },
    setHeaders,
    async close() {
      for (const c of all) c.close();
    },
  };
  return target;
}
