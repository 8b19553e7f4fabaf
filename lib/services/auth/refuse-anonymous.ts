import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { countRefusalInWindow } from "./throttle";

/** How a caller without a session appears in the audit trail. */
export const ANONYMOUS_ACTOR = "anonymous";

/**
 * A server action called without a live session: refused, and audited once per action,
 * source and window with a count, so an anonymous flood cannot flood the audit trail.
 */
export async function refuseAnonymous(action: string, sourceIp: string | null): Promise<AppError> {
  const prisma = await db();
  const refusal = await countRefusalInWindow(prisma, `anon:${action}|${sourceIp ?? "unknown"}`);
  if (refusal.audit) {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: ANONYMOUS_ACTOR,
        action: "access.denied",
        target: action,
        sourceIp,
        outcome: "denied",
        after: { attempted: action, refusedBecause: "not signed in", refusedInPreviousWindow: refusal.previousWindow },
      }),
    );
  }
  return new AppError("UNAUTHENTICATED", "Sign in first.");
}
