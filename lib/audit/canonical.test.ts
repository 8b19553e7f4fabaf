import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, eventHash, GENESIS_HASH, type ChainedEvent } from "./canonical";
import { stripSecrets } from "./redact";

const event: ChainedEvent = {
  at: new Date("2026-11-26T10:00:00.123Z"),
  actorId: null,
  actor: "a@b",
  actorRole: "admin",
  action: "user.create",
  target: "c@d",
  sourceIp: "127.0.0.1",
  outcome: "success",
  before: null,
  after: { z: 1, a: { y: [1, { d: 2, c: 3 }], b: null } },
};

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: [3, { d: 1, c: 2 }] })).toBe('{"a":[3,{"c":2,"d":1}],"b":1}');
  });
  it("renders dates as ISO strings and drops undefined members", () => {
    expect(canonicalJson({ t: new Date(0), u: undefined })).toBe('{"t":"1970-01-01T00:00:00.000Z"}');
  });
});

describe("eventHash", () => {
  it("is SHA-256 over the previous hash, a newline and the canonical event", () => {
    const body =
      '{"action":"user.create","actor":"a@b","actorId":null,"actorRole":"admin","after":{"a":{"b":null,"y":[1,{"c":3,"d":2}]},"z":1},' +
      '"at":"2026-11-26T10:00:00.123Z","before":null,"outcome":"success","sourceIp":"127.0.0.1","target":"c@d"}';
    const expected = createHash("sha256").update(`${GENESIS_HASH}\n${body}`).digest("hex");
    expect(eventHash(GENESIS_HASH, event)).toBe(expected);
  });
  it("changes when any field or the previous hash changes", () => {
    const h = eventHash(GENESIS_HASH, event);
    expect(eventHash(GENESIS_HASH, { ...event, outcome: "failure" })).not.toBe(h);
    expect(eventHash("1".repeat(64), event)).not.toBe(h);
    expect(eventHash(GENESIS_HASH, { ...event, after: { z: 1 } })).not.toBe(h);
  });
});

describe("stripSecrets", () => {
  it("redacts secret-looking keys at any depth", () => {
    expect(stripSecrets({ email: "e", passwordHash: "x", nested: { token: "t", ok: 1 }, list: [{ secret: 1 }] })).toEqual({
      email: "e",
      passwordHash: "[redacted]",
      nested: { token: "[redacted]", ok: 1 },
      list: [{ secret: "[redacted]" }],
    });
  });
});
