import { describe, expect, it } from "vitest";
import { resetUserPassword } from "../../lib/services/users/reset-password";
import { changePassword } from "../../lib/services/auth/change-password";
import { changeUserRole } from "../../lib/services/users/change-user-role";
import { setUserDisabled } from "../../lib/services/users/set-user-disabled";
import { validateSession } from "../../lib/services/auth/validate-session";
import { verifyPassword } from "../../lib/auth/password";
import { sessionMaxMs } from "../../lib/auth/limits";
import { verifyAuditChain } from "../../lib/audit/verify-chain";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

const WHY = "user locked out after a lost phone";
const NEW = "sturdy lantern orbit meadow";
const asText = (row: unknown) => JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

async function newSession(userId: string) {
  const s = await (await db()).session.create({ data: { userId, expiresAt: new Date(Date.now() + sessionMaxMs()) } });
  return s.id;
}

/** The target signs in again with the temporary password: a fresh session, validated like a request. */
async function signedInAgain(userId: string) {
  const actor = await validateSession(await newSession(userId), "127.0.0.7");
  if (!actor) throw new Error("no session");
  return actor;
}

describe.each(consoleDbKinds())("password reset and forced change on %s", (kind) => {
  useFreshConsoleDb(kind);

  it("resets: audited with the reason and without the secret, flag set, every session revoked", async () => {
    const admin = await makeActor("admin");
    const target = await makeActor("ops");
    const second = await newSession(target.id);
    const { temporaryPassword, email } = await resetUserPassword(admin, { userId: target.id, reason: WHY });
    expect(email).toBe(target.email);
    const row = await (await db()).user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(temporaryPassword, row.passwordHash)).toBe(true);
    expect(await verifyPassword(target.password, row.passwordHash)).toBe(false);
    expect(await validateSession(target.sessionId, null)).toBeNull();
    expect(await validateSession(second, null)).toBeNull();
    const events = await auditEventsFor({ action: "user.password.reset", target: target.email });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: admin.email, outcome: "success", after: { reason: WHY, sessionsRevoked: 2, changeRequiredAtNextSignIn: true } });
    const text = asText(events[0]);
    expect(text).not.toContain(temporaryPassword);
    expect(text).not.toContain(row.passwordHash);
    expect(text).not.toMatch(/scrypt/);
    expect((await verifyAuditChain(await db())).ok).toBe(true);
  });

  it.each(["ops", "compliance"] as const)("refuses %s resetting a password, audits the refusal, changes nothing", async (role) => {
    const actor = await makeActor(role);
    const target = await makeActor("ops");
    await expect(resetUserPassword(actor, { userId: target.id, reason: WHY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const denied = await auditEventsFor({ action: "access.denied", actor: actor.email });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ target: "user.password.reset", outcome: "denied" });
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: target.id } })).mustChangePassword).toBe(false);
    expect(await validateSession(target.sessionId, null)).not.toBeNull();
  });

  it("refuses a reset without a reason, and an admin resetting their own password (audited)", async () => {
    const admin = await makeActor("admin");
    const target = await makeActor("ops");
    await expect(resetUserPassword(admin, { userId: target.id })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: [expect.any(String)] } });
    await expect(resetUserPassword(admin, { userId: admin.id, reason: WHY })).rejects.toMatchObject({ code: "CONFLICT" });
    const [refused] = await auditEventsFor({ action: "user.password.reset", target: admin.email });
    expect(refused).toMatchObject({ outcome: "denied" });
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: admin.id } })).mustChangePassword).toBe(false);
  });

  it("allows resetting a disabled user, who still cannot sign in until enabled", async () => {
    const admin = await makeActor("admin");
    const target = await makeActor("ops");
    await setUserDisabled(admin, { userId: target.id, disabled: true, reason: WHY });
    await resetUserPassword(admin, { userId: target.id, reason: WHY });
    expect(await validateSession(await newSession(target.id), null)).toBeNull();
  });

  it("while the flag is set every action is refused and audited; changing the password clears it", async () => {
    const admin = await makeActor("admin");
    const target = await makeActor("admin");
    const other = await makeActor("ops");
    const { temporaryPassword } = await resetUserPassword(admin, { userId: target.id, reason: WHY });
    const flagged = await signedInAgain(target.id);
    expect(flagged.mustChangePassword).toBe(true);
    // Even an admin's own permission does not count until the password is changed.
    await expect(changeUserRole(flagged, { userId: other.id, role: "compliance", reason: WHY })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/change your password/i) });
    const denied = await auditEventsFor({ action: "access.denied", actor: target.email });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ target: "user.change_role", after: { refusedBecause: "password change required" } });
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: other.id } })).role).toBe("ops");

    const elsewhere = await newSession(target.id);
    await changePassword(flagged, { currentPassword: temporaryPassword, newPassword: NEW, confirmPassword: NEW });
    const row = await (await db()).user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyPassword(NEW, row.passwordHash)).toBe(true);
    // The session that changed it stays; the user's other sessions end.
    const after = await validateSession(flagged.sessionId, null);
    expect(after?.mustChangePassword).toBe(false);
    expect(await validateSession(elsewhere, null)).toBeNull();
    const [changed] = await auditEventsFor({ action: "user.password.change", target: target.email });
    expect(changed).toMatchObject({ outcome: "success", after: { wasRequiredByReset: true, otherSessionsRevoked: 1 } });
    expect(asText(changed)).not.toContain(NEW);
    await changeUserRole(after!, { userId: other.id, role: "compliance", reason: WHY });
  });

  it.each([
    ["a guessable new password", "password1234", "newPassword", /too easy to guess/],
    ["a mismatched repeat", NEW, "confirmPassword", /differ/],
    ["the old password again", "__same__", "newPassword", /different/],
  ])("refuses %s and keeps the flag", async (_label, newPassword, field, message) => {
    const admin = await makeActor("admin");
    const target = await makeActor("ops");
    const { temporaryPassword } = await resetUserPassword(admin, { userId: target.id, reason: WHY });
    const flagged = await signedInAgain(target.id);
    const next = newPassword === "__same__" ? temporaryPassword : newPassword;
    const confirm = field === "confirmPassword" ? `${next}-typo` : next;
    await expect(changePassword(flagged, { currentPassword: temporaryPassword, newPassword: next, confirmPassword: confirm })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { [field]: [expect.stringMatching(message)] } });
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: target.id } })).mustChangePassword).toBe(true);
  });

  it("refuses a wrong current password, audited as a failure", async () => {
    const user = await makeActor("compliance");
    await expect(changePassword(user, { currentPassword: "not my password at all", newPassword: NEW, confirmPassword: NEW })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { currentPassword: [expect.any(String)] } });
    const [event] = await auditEventsFor({ action: "user.password.change", target: user.email });
    expect(event).toMatchObject({ outcome: "failure" });
    expect(await verifyPassword(user.password, (await (await db()).user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash)).toBe(true);
    await expect(changePassword(null, { currentPassword: user.password, newPassword: NEW, confirmPassword: NEW })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
