import { describe, expect, it } from "vitest";
import { startBreakGlass } from "../../lib/services/break-glass/start-break-glass";
import { endBreakGlass } from "../../lib/services/break-glass/end-break-glass";
import { acknowledgeBreakGlass } from "../../lib/services/break-glass/acknowledge-break-glass";
import { listBreakGlassUses } from "../../lib/services/break-glass/list-break-glass";
import { sweepExpiredGrants } from "../../lib/services/break-glass/expire-grant";
import { validateSession } from "../../lib/services/auth/validate-session";
import { listUsers } from "../../lib/services/users/list-users";
import { verifyAuditChain } from "../../lib/audit/verify-chain";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

const WHY = "sepsis model paging storm; on-call admin unreachable";

/** The actor as the data-access layer resolves it on a new request. */
async function resolve(actor: { sessionId: string }) {
  const resolved = await validateSession(actor.sessionId, "127.0.0.9");
  if (!resolved) throw new Error("session ended");
  return resolved;
}

/** Moves a grant's end into the past, as if its minutes had run out. */
async function runOut(grantId: string) {
  await (await db()).breakGlassGrant.update({ where: { id: grantId }, data: { endsAt: new Date(Date.now() - 1000) } });
}

describe.each(consoleDbKinds())("break-glass on %s", (kind) => {
  useFreshConsoleDb(kind);

  it("starts for an ops user with a reason: admin's role on each request while it lasts, audited high-severity", async () => {
    const ops = await makeActor("ops");
    const before = await resolve(ops);
    expect(before.role).toBe("ops");
    expect(before.breakGlass).toBeUndefined();
    await expect(listUsers(ops)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const grant = await startBreakGlass(ops, { reason: WHY, minutes: "15" });
    expect(grant.endsAt.getTime() - grant.startedAt.getTime()).toBe(15 * 60_000);
    const elevated = await resolve(ops);
    expect(elevated).toMatchObject({ role: "admin", breakGlass: { id: grant.id } });
    // An admin-only verb now passes, and its audit event records admin and names the grant.
    await expect(listUsers(elevated)).resolves.toBeInstanceOf(Array);

    const started = await auditEventsFor({ action: "breakglass.start", actor: ops.email });
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ outcome: "success", actorRole: "ops", after: { breakGlass: grant.id, severity: "high", reason: WHY, minutes: 15 } });

    // Another user is not raised by someone else's grant.
    const other = await makeActor("ops");
    expect((await resolve(other)).role).toBe("ops");
  });

  it("marks audit events written during break-glass with the grant", async () => {
    const ops = await makeActor("ops");
    const grant = await startBreakGlass(ops, { reason: WHY, minutes: 10 });
    const elevated = await resolve(ops);
    // An elevated ops user may not acknowledge (compliance's verb): the refusal shows admin + grant.
    await expect(acknowledgeBreakGlass(elevated, { grantId: grant.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const denied = await auditEventsFor({ action: "access.denied", actor: ops.email });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actorRole: "admin", after: { breakGlass: grant.id, attempted: "breakglass.acknowledge" } });
  });

  it("refuses without a reason and past 60 minutes, audited, granting nothing", async () => {
    const ops = await makeActor("ops");
    await expect(startBreakGlass(ops, { reason: "", minutes: 30 })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: expect.any(Array) } });
    await expect(startBreakGlass(ops, { minutes: 30 })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: expect.any(Array) } });
    await expect(startBreakGlass(ops, { reason: WHY, minutes: 61 })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { minutes: [expect.stringMatching(/at most 60/)] } });
    await expect(startBreakGlass(ops, { reason: WHY, minutes: 0 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await (await db()).breakGlassGrant.count({ where: { userId: ops.id } })).toBe(0);
    expect((await resolve(ops)).role).toBe("ops");
    const refused = await auditEventsFor({ action: "breakglass.start", actor: ops.email });
    expect(refused).toHaveLength(4);
    expect(refused.every((e) => e.outcome === "failure")).toBe(true);
    expect(refused[2]!.after).toMatchObject({ refused: "invalid-input", fields: ["minutes"], requestedMinutes: "61" });
  });

  it.each(["admin", "compliance"] as const)("refuses %s (only ops may break glass), audited", async (role) => {
    const actor = await makeActor(role);
    await expect(startBreakGlass(actor, { reason: WHY, minutes: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await (await db()).breakGlassGrant.count({ where: { userId: actor.id } })).toBe(0);
    const denied = await auditEventsFor({ action: "access.denied", actor: actor.email });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: "denied", target: "breakglass.start", actorRole: role });
  });

  it("refuses a disabled user, audited", async () => {
    const ops = await makeActor("ops");
    await (await db()).user.update({ where: { id: ops.id }, data: { disabledAt: new Date() } });
    await expect(startBreakGlass(ops, { reason: WHY, minutes: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await (await db()).breakGlassGrant.count({ where: { userId: ops.id } })).toBe(0);
    const refused = await auditEventsFor({ action: "breakglass.start", actor: ops.email });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ outcome: "denied", after: { refused: "user-disabled" } });
  });

  it("refuses a second start while one is active (stale or fresh actor), audited", async () => {
    const ops = await makeActor("ops");
    await startBreakGlass(ops, { reason: WHY, minutes: 10 });
    // The request's own actor is elevated; a stale (pre-elevation) actor hits the one-open-grant index.
    await expect(startBreakGlass(await resolve(ops), { reason: WHY, minutes: 10 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(startBreakGlass(ops, { reason: WHY, minutes: 10 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await (await db()).breakGlassGrant.count({ where: { userId: ops.id } })).toBe(1);
    const events = await auditEventsFor({ action: "breakglass.start", actor: ops.email });
    expect(events.map((e) => e.outcome)).toEqual(["success", "denied", "denied"]);
    expect(events.slice(1).map((e) => (e.after as { refused: string }).refused)).toEqual(["already-active", "already-active"]);
  });

  it("expires on its own: the role falls back and the expiry is recorded exactly once", async () => {
    const ops = await makeActor("ops");
    const grant = await startBreakGlass(ops, { reason: WHY, minutes: 5 });
    await runOut(grant.id);
    // Several requests and sweeps notice it at once; one records it.
    const [a, b] = await Promise.all([resolve(ops), resolve(ops), sweepExpiredGrants()]);
    expect(a.role).toBe("ops");
    expect(b.role).toBe("ops");
    expect(await sweepExpiredGrants()).toBe(0);
    expect((await resolve(ops)).role).toBe("ops");
    const row = await (await db()).breakGlassGrant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(row).toMatchObject({ endedBy: "expiry" });
    expect(row.endedAt?.getTime()).toBe(row.endsAt.getTime());
    const ended = await auditEventsFor({ action: "breakglass.end", actor: ops.email });
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ outcome: "success", after: { breakGlass: grant.id, endedBy: "expiry", severity: "high" } });
  });

  it("records an expiry nobody was looking at when the review queue is opened", async () => {
    const ops = await makeActor("ops");
    const grant = await startBreakGlass(ops, { reason: WHY, minutes: 5 });
    await runOut(grant.id);
    const compliance = await makeActor("compliance");
    const uses = await listBreakGlassUses(compliance);
    expect(uses.find((u) => u.id === grant.id)).toMatchObject({ user: ops.email, endedBy: "expiry", reason: WHY, acknowledgedAt: null });
    expect(await auditEventsFor({ action: "breakglass.end", actor: ops.email })).toHaveLength(1);
  });

  it("ends by the user: admin's role is gone on the next request, audited once", async () => {
    const ops = await makeActor("ops");
    const grant = await startBreakGlass(ops, { reason: WHY, minutes: 30 });
    const elevated = await resolve(ops);
    expect(await endBreakGlass(elevated)).toEqual({ endedBy: "user" });
    const after = await resolve(ops);
    expect(after).toMatchObject({ role: "ops" });
    await expect(listUsers(after)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(endBreakGlass(after)).rejects.toMatchObject({ code: "CONFLICT" });
    const ended = await auditEventsFor({ action: "breakglass.end", actor: ops.email });
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ actorRole: "admin", after: { breakGlass: grant.id, endedBy: "user", severity: "high" } });
    // A new use may start once the last has ended.
    await expect(startBreakGlass(after, { reason: WHY, minutes: 5 })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("lets compliance acknowledge each ended use once, with a note, audited; ops and admin may not", async () => {
    const ops = await makeActor("ops");
    const grant = await startBreakGlass(ops, { reason: WHY, minutes: 30 });
    const compliance = await makeActor("compliance");
    await expect(acknowledgeBreakGlass(compliance, { grantId: grant.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/still active/) });
    await endBreakGlass(await resolve(ops));

    const admin = await makeActor("admin");
    await expect(acknowledgeBreakGlass(admin, { grantId: grant.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listBreakGlassUses(admin)).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ id: grant.id })]));
    await expect(listBreakGlassUses(ops)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await acknowledgeBreakGlass(compliance, { grantId: grant.id, note: "  confirmed with the incident ticket  " });
    await expect(acknowledgeBreakGlass(compliance, { grantId: grant.id, note: "again" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already/) });
    const row = await (await db()).breakGlassGrant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(row).toMatchObject({ acknowledgedById: compliance.id, ackNote: "confirmed with the incident ticket" });
    const acks = await auditEventsFor({ action: "breakglass.acknowledge", actor: compliance.email });
    expect(acks.map((e) => e.outcome)).toEqual(["failure", "success", "failure"]);
    expect(acks[1]).toMatchObject({ target: ops.email, actorRole: "compliance", after: { breakGlass: grant.id, note: "confirmed with the incident ticket" } });
    const listed = (await listBreakGlassUses(compliance)).find((u) => u.id === grant.id);
    expect(listed).toMatchObject({ acknowledgedBy: compliance.email, endedBy: "user" });
    await expect(acknowledgeBreakGlass(compliance, { grantId: "not-a-uuid" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("keeps the audit chain intact across every break-glass event", async () => {
    const result = await verifyAuditChain(await db());
    expect(result).toMatchObject({ ok: true });
  });
});
