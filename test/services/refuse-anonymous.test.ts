import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ANONYMOUS_ACTOR, refuseAnonymous } from "../../lib/services/auth/refuse-anonymous";
import { ACTION_ACCESS } from "../../lib/auth/action-access";
import { SIGN_IN_WINDOW_MINUTES } from "../../lib/auth/limits";
import { consoleDbKinds, useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor } from "../support/actors";

/** Every `"use server"` module under app/ and the async functions it exports. */
function serverActionModules(dir = "app", found: Record<string, string[]> = {}): Record<string, string[]> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) serverActionModules(path, found);
    else if (/\.tsx?$/.test(entry.name)) {
      const text = readFileSync(path, "utf8");
      if (/^\s*["']use server["']/.test(text)) found[path] = [...text.matchAll(/^export async function (\w+)/gm)].map((m) => m[1]!).sort();
    }
  }
  return found;
}

describe("ACTION_ACCESS", () => {
  it("has an entry for every exported server action in app/, and none for anything else", () => {
    const inTable = Object.fromEntries(Object.entries(ACTION_ACCESS).map(([file, actions]) => [file, Object.keys(actions).sort()]));
    expect(serverActionModules()).toEqual(inTable);
  });

  it("names each checked action once, so anonymous refusals are counted per action", () => {
    const names = Object.values(ACTION_ACCESS).flatMap((actions) => Object.values(actions)).flatMap((a) => ("action" in a ? [a.action] : []));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.each(consoleDbKinds())("anonymous server-action calls on %s", (kind) => {
  useFreshConsoleDb(kind);
  afterEach(() => vi.useRealTimers());

  it("refuses every call, audits one per action, source and window, and counts the rest", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const ip = `10.7.${kind === "pglite" ? 1 : 2}.7`;
    const errors = await Promise.all(Array.from({ length: 20 }, () => refuseAnonymous("user.create", ip)));
    expect(errors.every((e) => e.code === "UNAUTHENTICATED")).toBe(true);
    const events = async () => auditEventsFor({ action: "access.denied", actor: ANONYMOUS_ACTOR });
    expect(await events()).toMatchObject([{ target: "user.create", sourceIp: ip, outcome: "denied", actorId: null, after: { attempted: "user.create", refusedBecause: "not signed in", refusedInPreviousWindow: 0 } }]);
    // Another action, or another source, is its own event.
    await refuseAnonymous("cache.invalidate", ip);
    await refuseAnonymous("user.create", "10.7.9.9");
    expect(await events()).toHaveLength(3);
    // The next window's first refusal carries the count of the window before.
    vi.setSystemTime(Date.now() + SIGN_IN_WINDOW_MINUTES * 60_000 + 1_000);
    await refuseAnonymous("user.create", ip);
    expect((await events()).at(-1)).toMatchObject({ target: "user.create", sourceIp: ip, after: { refusedInPreviousWindow: 20 } });
  });
});
