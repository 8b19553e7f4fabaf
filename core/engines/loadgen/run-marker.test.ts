import { afterAll, describe, expect, it } from "vitest";
import type { IncomingHttpHeaders } from "node:http";
import { httpTarget } from "./http-target";
import { loopbackServer } from "./test-server";
import { RUN_HEADER } from "./run-marker";

describe("load-test requests carry the run marker", () => {
  const seen: IncomingHttpHeaders[] = [];
  const server = loopbackServer((req, res) => {
    seen.push(req.headers);
    res.end("{}");
  });
  afterAll(async () => (await server).close());

  it("on the hot-loop send, on request() with and without headers, with one opaque tag per target", async () => {
    const { url } = await server;
    const target = httpTarget(url, { connections: 2 });
    await new Promise<void>((resolve, reject) => target.send("GET", "/a", (status, err) => (status === 200 ? resolve() : reject(err))));
    await target.request("GET", "/b");
    await target.request("POST", "/c", { body: "{}", headers: { "content-type": "application/fhir+json" } });
    await target.close();
    const tags = seen.map((h) => h[RUN_HEADER]);
    expect(tags).toHaveLength(3);
    expect(new Set(tags).size).toBe(1);
    expect(tags[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[2]!["content-type"]).toBe("application/fhir+json");

    const other = httpTarget(url, { connections: 1, runTag: "run-tag-2" });
    await other.request("GET", "/d");
    await other.close();
    expect(seen[3]![RUN_HEADER]).toBe("run-tag-2");
  });
});
