import "server-only";
import { recordAuditEvent } from "../../audit/record-event";
import type { Actor } from "../../auth/actor";
import { authorize } from "../../auth/authorize";
import { db } from "../../db/prisma";
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { changeReasonSchema, scalingPolicyFromForm } from "../../validations/scaling";
import { invalidInput } from "../validation-error";
import { currentScalingPolicy, type SavedScalingPolicy } from "./scaling-policy";

/** Saves a new policy version (admin only), audited with its reason and the previous version. */
export async function updateScalingPolicy(actor: Actor | null, input: Record<string, unknown>): Promise<SavedScalingPolicy> {
  const user = await authorize(actor, "policy.change", { action: "scaling.policy.update" });
  const parsed = scalingPolicyFromForm(input);
  const reason = changeReasonSchema.safeParse(input.reason ?? "");
  if (!parsed.success || !reason.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(reason.error?.issues.map((i) => ({ ...i, path: ["reason"] })) ?? [])];
    throw invalidInput({ issues } as Parameters<typeof invalidInput>[0]);
  }
  const before = await currentScalingPolicy(parsed.data.service);
  const version = before.version + 1;
  try {
    await (await db()).$transaction(async (tx) => {
      await tx.scalingPolicyVersion.create({ data: { service: parsed.data.service, version, policy: parsed.data as unknown as Prisma.InputJsonValue, reason: reason.data, createdById: user.id } });
      await recordAuditEvent(tx, {
        actorId: user.id, actor: user.email, actorRole: user.role, action: "scaling.policy.update", target: `scaling-policy:${parsed.data.service}:v${version}`, sourceIp: user.sourceIp, outcome: "success",
        before: { version: before.version, policy: before.policy }, after: { version, policy: parsed.data, reason: reason.data },
      });
    });
  } catch (err) {
    // Two admins saving at once: the unique (service, version) key lets only one win.
    if ((err as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "Someone saved this policy at the same time; reload and try again.");
    throw err;
  }
  return currentScalingPolicy(parsed.data.service);
}
