import "server-only";
import { z } from "zod";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../../audit/record-event";
import { verifyAuditChain } from "../../audit/verify-chain";
import { invalidInput } from "../validation-error";
import { loadAnchors } from "./audit-anchors";

/** What the Audit page shows after "Verify the chain". */
export interface TrailVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: string; reason: string } | null;
  /** The newest signed checkpoint checked against; null: none exists, so a deleted tail would go unnoticed. */
  lastCheckpoint: { seq: string; at: string; count: number } | null;
  checkpoints: number;
  /** Older events were archived: the database's chain continues from this archive, verified with it. */
  continuesFrom: { archive: number; firstSeq: string; lastSeq: string; archives: number; archivedEvents: number } | null;
  verifiedAt: string;
}

const verifySchema = z.object({}).strict();

/**
 * The same check as `npm run audit:verify`, run by the console process itself, so it works on
 * the embedded PGlite (which only this process may open) as on PostgreSQL. Compliance and
 * admin; the result is itself audited, so a reviewer can see when the chain was last checked.
 */
export async function verifyAuditTrail(actor: Actor | null, input: unknown = {}): Promise<TrailVerification> {
  const user = await authorize(actor, "audit.view", { action: "audit.verify" });
  const parsed = verifySchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const prisma = await db();
  const anchors = loadAnchors();
  const report = await verifyAuditChain(prisma, anchors ?? undefined);
  const result: TrailVerification = {
    ok: report.ok,
    checked: report.checked,
    firstBroken: report.firstBroken ?? null,
    lastCheckpoint: report.lastCheckpoint ?? null,
    checkpoints: anchors?.checkpoints.length ?? 0,
    continuesFrom: report.continuesFrom ?? null,
    verifiedAt: new Date().toISOString(),
  };
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "audit.verify", target: "audit_events", sourceIp: user.sourceIp,
      outcome: report.ok ? "success" : "failure",
      after: { checked: result.checked, firstBroken: result.firstBroken?.seq ?? null, lastCheckpoint: result.lastCheckpoint?.seq ?? null, continuesFromArchive: result.continuesFrom?.archive ?? null },
    }),
  );
  return result;
}
