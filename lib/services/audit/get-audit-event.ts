import "server-only";
import { db } from "../../db/prisma";
import { AppError } from "../../errors";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { GENESIS_HASH, eventHash } from "../../audit/canonical";
import { readCheckpoints } from "../../audit/checkpoint-store";
import { auditEventRefSchema } from "../../validations/audit";
import { invalidInput } from "../validation-error";
import { checkpointDir } from "./audit-anchors";

/** One audit event as its detail page shows it. */
export interface AuditEventDetail {
  seq: string;
  at: string;
  actor: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  target: string | null;
  outcome: string;
  sourceIp: string | null;
  /** The session id the event itself stored (sign-ins record theirs); null when it stored none. */
  sessionId: string | null;
  /** The reason the person gave (after.reason), when the change asked for one. */
  reason: string | null;
  before: unknown;
  after: unknown;
  hash: string;
  prevHash: string;
  /** This event's hash recomputed from its stored fields equals its stored hash. */
  contentMatchesHash: boolean;
  /** Its previous hash equals the hash of the event before it (or the genesis hash for the first). */
  linksToPrevious: boolean;
  /** The first signed checkpoint at or after this event: altering the event breaks the chain to it. Null: none yet. */
  coveredBy: { seq: string; at: string } | null;
}

const field = (v: unknown, key: string): string | null => {
  const x = v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  return typeof x === "string" ? x : null;
};

/** Compliance and admin: one event with its before/after, origin, reason and chain position. */
export async function getAuditEvent(actor: Actor | null, input: unknown): Promise<AuditEventDetail> {
  const ref = auditEventRefSchema.safeParse(input);
  await authorize(actor, "audit.view", { action: "audit.event.view", target: ref.success ? ref.data.seq : undefined });
  if (!ref.success) throw invalidInput(ref.error);
  const seq = BigInt(ref.data.seq);
  const prisma = await db();
  const [row, previous, archived] = await Promise.all([
    prisma.auditEvent.findUnique({ where: { seq } }),
    prisma.auditEvent.findFirst({ where: { seq: { lt: seq } }, orderBy: { seq: "desc" }, select: { hash: true } }),
    // The first row left after an archive links to the archive's last hash, not to genesis.
    prisma.auditArchive.findFirst({ where: { lastSeq: { lt: seq } }, orderBy: { lastSeq: "desc" }, select: { lastHash: true } }),
  ]);
  if (!row) throw new AppError("NOT_FOUND", `No audit event ${ref.data.seq}.`);
  const cp = readCheckpoints(checkpointDir()).checkpoints.find((c) => BigInt(c.seq) >= seq) ?? null;
  return {
    seq: row.seq.toString(), at: row.at.toISOString(), actor: row.actor, actorId: row.actorId, actorRole: row.actorRole,
    action: row.action, target: row.target, outcome: row.outcome, sourceIp: row.sourceIp,
    sessionId: field(row.after, "sessionId") ?? field(row.before, "sessionId"),
    reason: field(row.after, "reason"),
    before: row.before, after: row.after, hash: row.hash, prevHash: row.prevHash,
    contentMatchesHash: eventHash(row.prevHash, row) === row.hash,
    linksToPrevious: row.prevHash === (previous?.hash ?? archived?.lastHash ?? GENESIS_HASH),
    coveredBy: cp ? { seq: cp.seq, at: cp.at } : null,
  };
}
