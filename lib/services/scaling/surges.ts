import "server-only";
import { recordAuditEvent } from "../../audit/record-event";
import type { Actor } from "../../auth/actor";
import { authorize } from "../../auth/authorize";
import { db } from "../../db/prisma";
import type { ScaledService } from "@/core/engines/scaling/policy";
import { surgeFromForm } from "../../validations/scaling";
import { invalidInput } from "../validation-error";
import { currentScalingPolicy } from "./scaling-policy";

export interface ActiveSurge {
  id: string;
  factor: number;
  startedAt: string;
  expiresAt: string;
  source: "manual" | "burn-rate-alert";
  reason: string;
}

/** The surge in force now, if any: expiry is part of the row, so a surge ends on its own. */
export async function activeSurge(service: ScaledService = "clinical", now = new Date()): Promise<ActiveSurge | null> {
  const row = await (await db()).scalingSurge.findFirst({ where: { service, startedAt: { lte: now }, expiresAt: { gt: now } }, orderBy: { expiresAt: "desc" } });
  return row ? { id: row.id, factor: row.factor, startedAt: row.startedAt.toISOString(), expiresAt: row.expiresAt.toISOString(), source: row.source as ActiveSurge["source"], reason: row.reason } : null;
}

/** An admin starts an emergency surge (×factor from the policy) for a set number of minutes. */
export async function startSurge(actor: Actor | null, input: Record<string, unknown>): Promise<ActiveSurge> {
  const user = await authorize(actor, "policy.change", { action: "scaling.surge.start" });
  const parsed = surgeFromForm(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { policy } = await currentScalingPolicy(parsed.data.service);
  const startedAt = new Date();
  const expiresAt = new Date(startedAt.getTime() + parsed.data.minutes * 60_000);
  await (await db()).$transaction(async (tx) => {
    const row = await tx.scalingSurge.create({ data: { service: parsed.data.service, factor: policy.surge.factor, startedAt, expiresAt, source: "manual", reason: parsed.data.reason, startedById: user.id } });
    await recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "scaling.surge.start", target: `scaling-surge:${row.id}`, sourceIp: user.sourceIp, outcome: "success",
      before: null, after: { factor: policy.surge.factor, minutes: parsed.data.minutes, expiresAt: expiresAt.toISOString(), reason: parsed.data.reason },
    });
  });
  return (await activeSurge(parsed.data.service, startedAt))!;
}

/**
 * The emergency burn-rate alert starts a surge on its own (the policy's default duration), once:
 * while one is active, nothing new is started. Audited as the system.
 */
export async function surgeOnEmergencyAlert(firingAlertIds: string[], service: ScaledService = "clinical"): Promise<ActiveSurge | null> {
  const emergency = firingAlertIds.filter((id) => id.startsWith("emergency-"));
  if (emergency.length === 0 || (await activeSurge(service))) return null;
  const { policy } = await currentScalingPolicy(service);
  const startedAt = new Date();
  const expiresAt = new Date(startedAt.getTime() + policy.surge.defaultMinutes * 60_000);
  const reason = `emergency burn-rate alert firing: ${emergency.join(", ")}`;
  await (await db()).$transaction(async (tx) => {
    const row = await tx.scalingSurge.create({ data: { service, factor: policy.surge.factor, startedAt, expiresAt, source: "burn-rate-alert", reason } });
    await recordAuditEvent(tx, { actor: "system:burn-rate-alert", action: "scaling.surge.start", target: `scaling-surge:${row.id}`, outcome: "success", after: { factor: policy.surge.factor, expiresAt: expiresAt.toISOString(), reason } });
  });
  return activeSurge(service, startedAt);
}
