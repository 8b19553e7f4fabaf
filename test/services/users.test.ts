import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { createUser } from "../../lib/services/users/create-user";
import { changeUserRole } from "../../lib/services/users/change-user-role";
import { setUserDisabled } from "../../lib/services/users/set-user-disabled";
import { listUsers } from "../../lib/services/users/list-users";
import { validateSession } from "../../lib/services/auth/validate-session";
import { verifyAuditChain } from "../../lib/audit/verify-chain";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

const WHY = "joins the night clinical-ops rota";
const newUser = (email: string) => ({ email, name: "New Person", role: "ops", password: "a-long-enough-password", reason: WHY });

describe.each(consoleDbKinds())("user administration on %s", (kind) => {
  useFreshConsoleDb(kind);

  it("lets an admin create a user, audited once with no password material", async () => {
    const admin = await makeActor("admin");
    const created = await createUser(admin, newUser(`new-${kind}@t.local`));
    expect(created).not.toHaveProperty("passwordHash");
    const events = await auditEventsFor({ action: "user.create", target: created.email });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: admin.email, actorRole: "admin", outcome: "success", sourceIp: "127.0.0.9" });
    expect(JSON.stringify(events[0]!.after)).not.toMatch(/scrypt|a-long-enough-password/);
  });

  it.each(["aaaaaaaaaaaa", "password1234"])("refuses the guessable password %s, naming the field, creating nothing", async (password) => {
    const admin = await makeActor("admin");
    const email = `weak-${password.slice(0, 4)}-${kind}@t.local`;
    await expect(createUser(admin, { ...newUser(email), password })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { password: [expect.stringMatching(/too easy to guess/)] } });
    expect(await (await db()).user.count({ where: { email } })).toBe(0);
  });

  it.each(["ops", "compliance"] as const)("refuses %s creating a user, audits the refusal, changes nothing", async (role) => {
    const actor = await makeActor(role);
    const email = `blocked-${role}-${kind}@t.local`;
    await expect(createUser(actor, newUser(email))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await (await db()).user.count({ where: { email } })).toBe(0);
    const denied = await auditEventsFor({ action: "access.denied", actor: actor.email });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: "denied", target: "user.create", actorRole: role });
  });

  it("refuses without an actor (fail closed)", async () => {
    await expect(listUsers(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("rejects bad input with field messages and writes nothing", async () => {
    const admin = await makeActor("admin");
    const before = await (await db()).auditEvent.count();
    const err = await createUser(admin, { email: "not-an-email", name: "", role: "root", password: "short" }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("INVALID_INPUT");
    expect(Object.keys(err.fields)).toEqual(expect.arrayContaining(["email", "name", "role", "password"]));
    expect(await (await db()).auditEvent.count()).toBe(before);
  });

  it("refuses a duplicate email with CONFLICT", async () => {
    const admin = await makeActor("admin");
    await createUser(admin, newUser(`dup-${kind}@t.local`));
    await expect(createUser(admin, newUser(`DUP-${kind}@t.local`))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("changes a role with before/after in the audit event", async () => {
    const admin = await makeActor("admin");
    const target = await makeActor("ops");
    await changeUserRole(admin, { userId: target.id, role: "compliance", reason: WHY });
    const [event] = await auditEventsFor({ action: "user.change_role", target: target.email });
    expect(event).toMatchObject({ before: { role: "ops" }, after: { role: "compliance", reason: WHY } });
    // Every change says why: without a reason nothing changes.
    await expect(changeUserRole(admin, { userId: target.id, role: "admin" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: [expect.any(String)] } });
    await expect(setUserDisabled(admin, { userId: target.id, disabled: true, reason: "x" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: [expect.any(String)] } });
    expect((await validateSession(target.sessionId, null))?.role).toBe("compliance");
  });

  it("disabling a user ends their sessions at once", async () => {
    const admin = await makeActor("admin");
    const target = await makeActor("ops");
    expect(await validateSession(target.sessionId, null)).not.toBeNull();
    await setUserDisabled(admin, { userId: target.id, disabled: "true", reason: WHY });
    expect(await validateSession(target.sessionId, null)).toBeNull();
    const [event] = await auditEventsFor({ action: "user.disable", target: target.email });
    expect(event?.after).toMatchObject({ sessionsRevoked: 1, reason: WHY });
  });

  it("stops an admin from disabling or demoting themselves", async () => {
    const admin = await makeActor("admin");
    await expect(setUserDisabled(admin, { userId: admin.id, disabled: true, reason: WHY })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(changeUserRole(admin, { userId: admin.id, role: "ops", reason: WHY })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("leaves an intact hash chain behind all of the above", async () => {
    const report = await verifyAuditChain(await db());
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(5);
  });
});
