import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { decoyHash, verifyPassword } from "../../auth/password";
import { signInSchema } from "../../validations/auth";
import type { Role } from "../../auth/roles";
import { sessionMaxMs } from "../../auth/limits";
import { countRefusal, releaseAfterSuccess, reserveSignInAttempt, waitText } from "./throttle";

export interface SignedIn {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * Verifies credentials and opens a server-side session row. Every verified attempt (success,
 * wrong password, unknown or disabled account) writes exactly one audit event; refused
 * (throttled) attempts write one event per source and window, with a count.
 */
export async function signInWithPassword(input: unknown, sourceIp: string | null): Promise<SignedIn> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Enter an email address and a password.");
  const { email, password } = parsed.data;
  const prisma = await db();
  const base = { actor: email, action: "auth.sign_in", target: email, sourceIp };

  // Counted before the (deliberately slow) password check, so parallel guesses cannot slip past.
  const decision = await reserveSignInAttempt(prisma, email, sourceIp);
  if (!decision.allowed) {
    const refusal = await countRefusal(prisma, sourceIp);
    if (refusal.audit) {
      const after = { bucket: decision.bucket, retryAt: decision.retryAt.toISOString(), refusedInPreviousWindow: refusal.previousWindow };
      await prisma.$transaction((tx) => recordAuditEvent(tx, { ...base, outcome: "throttled", after }));
    }
    throw new AppError("LIMIT_EXCEEDED", `Too many sign-in attempts from here. Try again in ${waitText(decision.retryAt)}.`);
  }

  const user = await prisma.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !passwordOk || user.disabledAt) {
    const reason = !user ? "unknown account" : !passwordOk ? "wrong password" : "account disabled";
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, { ...base, actorId: user?.id, actorRole: user?.role, outcome: "failure", after: { reason } }),
    );
    throw new AppError("UNAUTHENTICATED", "Email or password is incorrect, or the account is disabled.");
  }

  await releaseAfterSuccess(prisma, email, sourceIp);
  const session = await prisma.$transaction(async (tx) => {
    const now = Date.now();
    const created = await tx.session.create({
      data: {
        userId: user.id,
        sourceIp,
        createdAt: new Date(now),
        lastSeenAt: new Date(now),
        expiresAt: new Date(now + sessionMaxMs()),
      },
    });
    await recordAuditEvent(tx, {
      ...base,
      actorId: user.id,
      actorRole: user.role,
      outcome: "success",
      after: { sessionId: created.id },
    });
    return created;
  });
  return { userId: user.id, sessionId: session.id, email: user.email, name: user.name, role: user.role };
}
