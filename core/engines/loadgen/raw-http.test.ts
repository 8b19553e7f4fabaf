import { afterEach, describe, expect, it } from "vitest";
import { rawGetTarget } from "./raw-http";
import { loopbackServer } from "./test-server";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const get = (t: ReturnType<typeof rawGetTarget>, path: string) =>
  new Promise<{ status: number | null; err: unknown }>((resolve) => t.send("GET", path, (status, err) => resolve({ status, err })));

describe("raw keep-alive GET client", () => {
  it("reads Content-Length, chunked and close-delimited responses and reuses connections", async () => {
    const sockets = new Set<unknown>();
    const srv = await loopbackServer((req, res) => {
      sockets.add(req.socket);
      if (req.url === "/chunked") {
        res.write("a".repeat(5000));
        setTimeout(() => res.end("b"), 5);
      } else if (req.url === "/close") {
        res.writeHead(503, { connection: "close" });
        res.end("bye");
      } else if (req.url === "/empty") {
        res.writeHead(204).end();
      } else res.end("ok");
    });
    closers.push(srv.close);
    const t = rawGetTarget(srv.url, { connections: 2 });
    closers.push(t.close);
    for (let i = 0; i < 20; i++) expect(await get(t, "/")).toEqual({ status: 200, err: null });
    expect(sockets.size).toBe(1);
    expect(await get(t, "/chunked")).toEqual({ status: 200, err: null });
    expect(await get(t, "/empty")).toEqual({ status: 204, err: null });
    expect(await get(t, "/close")).toEqual({ status: 503, err: null });
    expect(await get(t, "/")).toEqual({ status: 200, err: null });
    expect(sockets.size).toBe(2);
    // More requests than connections: they queue, and all complete.
    const many = await Promise.all(Array.from({ length: 50 }, () => get(t, "/")));
    expect(many.every((r) => r.status === 200)).toBe(true);
  });

  it("reports a refused connection as a transport error, not a status", async () => {
    const srv = await loopbackServer((_q, r) => r.end());
    await srv.close();
    const t = rawGetTarget(srv.url, { connections: 1 });
    closers.push(t.close);
    const r = await get(t, "/");
    expect(r.status).toBeNull();
    expect((r.err as { code?: string }).code).toBe("ECONNREFUSED");
  });

  it("times out a response that never comes", async () => {
    const srv = await loopbackServer(() => undefined);
    closers.push(srv.close);
    const t = rawGetTarget(srv.url, { connections: 1, timeoutMs: 200 });
    closers.push(t.close);
    const r = await get(t, "/");
    expect(r.status).toBeNull();
    expect((r.err as { code?: string }).code).toMatch(/TIMEOUT/);
  });
});
