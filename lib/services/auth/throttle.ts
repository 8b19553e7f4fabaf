import type { PrismaClient } from "../../generated/prisma/client";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, SIGN_IN_WINDOW_MINUTES } from "../../auth/limits";

/**
 * Counts failed sign-ins from the audit trail itself, so throttling survives restarts and is
 * shared by every console instance on the same database. A success resets the account count.
 */
export async function isThrottled(prisma: PrismaClient, email: string, sourceIp: string | null): Promise<boolean> {
  const windowStart = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const lastSuccess = await prisma.auditEvent.findFirst({
    where: { action: "auth.sign_in", target: email, outcome: "success", at: { gte: windowStart } },
    orderBy: { seq: "desc" },
    select: { at: true },
  });
  const accountFailures = await prisma.auditEvent.count({
    where: { action: "auth.sign_in", target: email, outcome: "failure", at: { gte: lastSuccess?.at ?? windowStart } },
  });
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT) return true;
  if (!sourceIp) return false;
  const ipFailures = await prisma.auditEvent.count({
    where: { action: "auth.sign_in", sourceIp, outcome: "failure", at: { gte: windowStart } },
  });
  return ipFailures >= MAX_FAILURES_PER_IP;
}
