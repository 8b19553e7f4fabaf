import { afterEach, describe, expect, it } from "vitest";
import { errorKind, httpTarget, ResponseTooLarge } from "./http-target";
import { loopbackServer } from "./test-server";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

describe("httpTarget response bodies", () => {
  it("refuses to buffer a body past the cap, and discards unread bodies of any size", async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x61); // 3 MiB of 'a'
    const srv = await loopbackServer((req, res) => res.end(req.url === "/small" ? "ok" : big));
    const target = httpTarget(srv.url, { connections: 2, maxBodyBytes: 1024 * 1024 });
    closers.push(srv.close, target.close);

    const refused = await target.request("GET", "/big", { readBody: true }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ResponseTooLarge);
    expect(errorKind(refused)).toBe("other");
    expect(await target.request("GET", "/big")).toEqual({ status: 200 }); // not read: not capped
    expect(await target.request("GET", "/small", { readBody: true })).toEqual({ status: 200, body: "ok" }); // the pool still works
  });
});
