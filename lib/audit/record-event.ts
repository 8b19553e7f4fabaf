import type { Prisma } from "../generated/prisma/client";
import { GENESIS_HASH, eventHash, type ChainedEvent } from "./canonical";
import { stripSecrets } from "./redact";

export type Tx = Prisma.TransactionClient;

export interface AuditInput {
  actorId?: string | null;
  /** The account the event is about when there is no signed-in actor (e.g. a failed sign-in). */
  actor: string;
  actorRole?: string | null;
  /** `entity.verb`, e.g. `user.create`, `auth.sign_in`, `access.denied`. */
  action: string;
  target?: string | null;
  sourceIp?: string | null;
  outcome: "success" | "failure" | "denied" | "throttled";
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one hash-chained audit event inside the caller's transaction, so the event
 * exists exactly when the change it describes does.
 */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<{ seq: bigint; hash: string }> {
  // Serialises writers so each row chains onto the true previous one; readers are not blocked.
  await tx.$executeRawUnsafe('LOCK TABLE "audit_events" IN SHARE ROW EXCLUSIVE MODE');
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const breakGlass = await openBreakGlassId(tx, input);
  const event: ChainedEvent = {
    at: new Date(),
    actorId: input.actorId ?? null,
    actor: input.actor,
    actorRole: input.actorRole ?? null,
    action: input.action,
    target: input.target ?? null,
    sourceIp: input.sourceIp ?? null,
    outcome: input.outcome,
    before: stripSecrets(input.before),
    after: breakGlass ? markBreakGlass(stripSecrets(input.after), breakGlass) : stripSecrets(input.after),
  };
  const hash = eventHash(prevHash, event);
  const row = await tx.auditEvent.create({
    data: {
      ...event,
      before: (event.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (event.after ?? undefined) as Prisma.InputJsonValue | undefined,
      prevHash,
      hash,
    },
    select: { seq: true },
  });
  return { seq: row.seq, hash };
}

/**
 * An ops user acting during break-glass acts with admin's role: their events record the role as
 * admin and name the grant (`breakGlass` in `after`), so a reviewer can tell them from an admin's.
 */
async function openBreakGlassId(tx: Tx, input: AuditInput): Promise<string | null> {
  if (!input.actorId || input.actorRole !== "admin") return null;
  const grant = await tx.breakGlassGrant.findFirst({
    where: { userId: input.actorId, endedAt: null, endsAt: { gt: new Date() } },
    select: { id: true },
  });
  return grant?.id ?? null;
}

function markBreakGlass(after: unknown, grantId: string): unknown {
  if (after === null || after === undefined) return { breakGlass: grantId };
  if (typeof after === "object" && !Array.isArray(after)) return { breakGlass: grantId, ...(after as Record<string, unknown>) };
  return { value: after, breakGlass: grantId };
}
