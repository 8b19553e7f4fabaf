import { describe, expect, it, vi, afterEach } from "vitest";
import { signInWithPassword } from "../../lib/services/auth/sign-in";
import { validateSession } from "../../lib/services/auth/validate-session";
import { signOutSession } from "../../lib/services/auth/sign-out";
import { THROTTLE_BUCKETS } from "../../lib/auth/limits";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

describe.each(consoleDbKinds())("sign-in and sessions on %s", (kind) => {
  useFreshConsoleDb(kind);
  afterEach(() => vi.useRealTimers());

  it("signs in with the right password, opens a session row and audits one success", async () => {
    const user = await makeActor("ops");
    const s = await signInWithPassword({ email: user.email.toUpperCase(), password: user.password }, "10.9.9.9");
    expect(s).toMatchObject({ userId: user.id, role: "ops" });
    expect(await validateSession(s.sessionId, "10.9.9.9")).toMatchObject({ id: user.id, role: "ops" });
    const events = await auditEventsFor({ action: "auth.sign_in", target: user.email });
    expect(events.map((e) => e.outcome)).toEqual(["success"]);
    expect(events[0]!.sourceIp).toBe("10.9.9.9");
  });

  it("refuses a wrong password and an unknown account, one failure event each, no password stored", async () => {
    const user = await makeActor("ops");
    await expect(signInWithPassword({ email: user.email, password: "wrong-password!" }, "10.0.0.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(signInWithPassword({ email: `ghost-${kind}@t.local`, password: "whatever" }, "10.0.0.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const wrong = await auditEventsFor({ action: "auth.sign_in", target: user.email });
    expect(wrong.map((e) => [e.outcome, (e.after as { reason: string }).reason])).toEqual([["failure", "wrong password"]]);
    const ghost = await auditEventsFor({ action: "auth.sign_in", target: `ghost-${kind}@t.local` });
    expect(ghost).toHaveLength(1);
    expect(JSON.stringify([...wrong, ...ghost].map((e) => [e.before, e.after, e.target]))).not.toContain("wrong-password!");
  });

  const FREE = THROTTLE_BUCKETS.accountSource.free;

  it("slows one account at one address progressively, never locks the account out elsewhere", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const user = await makeActor("ops");
    const ip = `10.1.${kind === "pglite" ? 1 : 2}.1`;
    for (let i = 0; i < FREE; i++) {
      await expect(signInWithPassword({ email: user.email, password: "nope-nope" }, ip)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    // Right away even the right password waits at that address …
    await expect(signInWithPassword({ email: user.email, password: user.password }, ip)).rejects.toMatchObject({ code: "LIMIT_EXCEEDED" });
    // … while the owner signs in from anywhere else at once (no account lockout).
    await expect(signInWithPassword({ email: user.email, password: user.password }, "10.1.9.9")).resolves.toBeTruthy();
    // 1 s later the address gets one more try. It is its 7th attempt (the refused one counts),
    // so a wrong one sets the next try 2^(7-5) = 4 s later.
    vi.setSystemTime(Date.now() + 1_100);
    await expect(signInWithPassword({ email: user.email, password: "nope-nope" }, ip)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    vi.setSystemTime(Date.now() + 3_800);
    await expect(signInWithPassword({ email: user.email, password: user.password }, ip)).rejects.toMatchObject({ code: "LIMIT_EXCEEDED" });
    vi.setSystemTime(Date.now() + 300);
    await expect(signInWithPassword({ email: user.email, password: user.password }, ip)).resolves.toBeTruthy();
    const outcomes = (await auditEventsFor({ action: "auth.sign_in", target: user.email })).map((e) => e.outcome);
    expect(outcomes.filter((o) => o === "failure")).toHaveLength(FREE + 1);
  });

  it("verifies at most the allowance of 50 parallel guesses and audits the refusals once", async () => {
    const user = await makeActor("ops");
    const ip = `10.4.${kind === "pglite" ? 1 : 2}.4`;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => signInWithPassword({ email: user.email, password: "parallel-guess" }, ip)),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK"));
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(FREE);
    expect(codes.filter((c) => c === "LIMIT_EXCEEDED")).toHaveLength(50 - FREE);
    const events = await auditEventsFor({ action: "auth.sign_in", target: user.email });
    expect(events.filter((e) => e.outcome === "failure")).toHaveLength(FREE);
    // 45 refusals, one audit row: a flood of guesses cannot flood the trail.
    expect(events.filter((e) => e.outcome === "throttled")).toHaveLength(1);
  });

  it("throttles an address that fails across many accounts", async () => {
    const ip = `10.2.${kind === "pglite" ? 1 : 2}.7`;
    for (let i = 0; i < THROTTLE_BUCKETS.source.free; i++) {
      await signInWithPassword({ email: `spray-${i}@t.local`, password: "x" }, ip).catch(() => {});
    }
    const user = await makeActor("ops");
    await expect(signInWithPassword({ email: user.email, password: user.password }, ip)).rejects.toMatchObject({ code: "LIMIT_EXCEEDED" });
    // The same account from another address is not affected.
    await expect(signInWithPassword({ email: user.email, password: user.password }, "10.3.3.3")).resolves.toBeTruthy();
  });

  it("ends an idle session on the server and audits the expiry once", async () => {
    const user = await makeActor("ops");
    const s = await signInWithPassword({ email: user.email, password: user.password }, null);
    const prisma = await db();
    await prisma.session.update({ where: { id: s.sessionId }, data: { lastSeenAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await validateSession(s.sessionId, null)).toBeNull();
    expect(await validateSession(s.sessionId, null)).toBeNull();
    const events = await auditEventsFor({ action: "session.expire", target: user.email });
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toEqual({ reason: "idle-timeout" });
  });

  it("keeps an active session alive within the idle window", async () => {
    const user = await makeActor("ops");
    const s = await signInWithPassword({ email: user.email, password: user.password }, null);
    const prisma = await db();
    await prisma.session.update({ where: { id: s.sessionId }, data: { lastSeenAt: new Date(Date.now() - 14 * 60_000) } });
    expect(await validateSession(s.sessionId, null)).not.toBeNull();
    const row = await prisma.session.findUniqueOrThrow({ where: { id: s.sessionId } });
    expect(Date.now() - row.lastSeenAt.getTime()).toBeLessThan(5_000);
  });

  it("ends a session past its 12-hour absolute lifetime even when active", async () => {
    const user = await makeActor("ops");
    const s = await signInWithPassword({ email: user.email, password: user.password }, null);
    const row = await (await db()).session.findUniqueOrThrow({ where: { id: s.sessionId } });
    const lifetime = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(lifetime).toBe(12 * 3_600_000);
    vi.useFakeTimers({ now: row.expiresAt.getTime() + 1000, toFake: ["Date"] });
    await (await db()).session.update({ where: { id: s.sessionId }, data: { lastSeenAt: new Date() } });
    expect(await validateSession(s.sessionId, null)).toBeNull();
    const [event] = await auditEventsFor({ action: "session.expire", target: user.email });
    expect(event?.after).toEqual({ reason: "absolute-lifetime" });
  });

  it("refuses a disabled account at sign-in", async () => {
    const user = await makeActor("ops");
    await (await db()).user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(signInWithPassword({ email: user.email, password: user.password }, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const [event] = await auditEventsFor({ action: "auth.sign_in", target: user.email });
    expect(event?.after).toEqual({ reason: "account disabled" });
  });

  it("signs out: revokes the row and audits once", async () => {
    const user = await makeActor("compliance");
    await signOutSession(user);
    await signOutSession(user);
    expect(await validateSession(user.sessionId, null)).toBeNull();
    expect(await auditEventsFor({ action: "auth.sign_out", target: user.email })).toHaveLength(1);
  });
});
