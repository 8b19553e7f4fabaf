import { afterEach, describe, expect, it, vi } from "vitest";
import { changePassword } from "../../lib/services/auth/change-password";
import { signInWithPassword } from "../../lib/services/auth/sign-in";
import { verifyPassword } from "../../lib/auth/password";
import { SIGN_IN_WINDOW_MINUTES, THROTTLE_BUCKETS } from "../../lib/auth/limits";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { auditEventsFor, makeActor } from "../support/actors";

const NEW = "sturdy lantern orbit meadow";
const FREE = THROTTLE_BUCKETS.accountSource.free;
const change = (actor: Awaited<ReturnType<typeof makeActor>>, currentPassword: string) =>
  changePassword(actor, { currentPassword, newPassword: NEW, confirmPassword: NEW });
const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK");

// A stolen session must not be a way around the sign-in throttle: the current-password check
// counts in the same buckets, atomically, before the password is verified.
describe.each(consoleDbKinds())("change-password guesses are throttled on %s", (kind) => {
  useFreshConsoleDb(kind);
  afterEach(() => vi.useRealTimers());

  it("verifies at most the allowance of 50 parallel wrong current passwords, audits the refusals once, and takes the right one after the window", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const user = { ...(await makeActor("ops")), sourceIp: `10.5.${kind === "pglite" ? 1 : 2}.5` };
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => change(user, `wrong guess ${i}`)));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === "INVALID_INPUT")).toHaveLength(FREE);
    expect(codes.filter((c) => c === "LIMIT_EXCEEDED")).toHaveLength(50 - FREE);
    const refused = results.find((r) => codeOf(r) === "LIMIT_EXCEEDED") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ fields: { currentPassword: [expect.stringMatching(/too many attempts/i)] } });

    const events = await auditEventsFor({ action: "user.password.change", target: user.email });
    // One failure per verified guess; 45 refusals, one aggregated row.
    expect(events.filter((e) => e.outcome === "failure")).toHaveLength(FREE);
    const throttled = events.filter((e) => e.outcome === "throttled");
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({ sourceIp: user.sourceIp, after: { refusedBecause: "too many attempts", refusedInPreviousWindow: 0 } });

    // Even the right password waits at that address (it would be one more guess) …
    await expect(change(user, user.password)).rejects.toMatchObject({ code: "LIMIT_EXCEEDED" });
    // … and the shared allowance means the sign-in page is no way around it either.
    await expect(signInWithPassword({ email: user.email, password: user.password }, user.sourceIp)).rejects.toMatchObject({ code: "LIMIT_EXCEEDED" });
    const stored = async () => (await (await db()).user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    expect(await verifyPassword(user.password, await stored())).toBe(true);

    vi.setSystemTime(Date.now() + SIGN_IN_WINDOW_MINUTES * 60_000 + 1_000);
    await change(user, user.password);
    expect(await verifyPassword(NEW, await stored())).toBe(true);
    const after = await auditEventsFor({ action: "user.password.change", target: user.email });
    expect(after.map((e) => e.outcome).slice(-1)).toEqual(["success"]);
    // Every refusal after the audited one was counted, none written one by one: the next
    // window's first throttled event carries the count (45 parallel ones and the right password).
    expect(after.filter((e) => e.outcome === "throttled")).toHaveLength(1);
    for (let i = 0; i < FREE; i++) await expect(change(user, `later guess ${i}`)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(change(user, "one too many")).rejects.toMatchObject({ code: "LIMIT_EXCEEDED" });
    const next = (await auditEventsFor({ action: "user.password.change", target: user.email })).filter((e) => e.outcome === "throttled");
    expect(next.map((e) => (e.after as { refusedInPreviousWindow: number }).refusedInPreviousWindow)).toEqual([0, 50 - FREE + 1]);
  });

  it("slows one address, not the account's owner elsewhere", async () => {
    const user = await makeActor("compliance");
    const thief = { ...user, sourceIp: `10.6.${kind === "pglite" ? 1 : 2}.6` };
    for (let i = 0; i < FREE; i++) await expect(change(thief, `nope ${i}`)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(change(thief, user.password)).rejects.toMatchObject({ code: "LIMIT_EXCEEDED" });
    await change({ ...user, sourceIp: "10.6.9.9" }, user.password);
  });
});
