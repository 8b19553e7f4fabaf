import "server-only";
import { db } from "../../db/prisma";
import { defaultScalingPolicy, type ScaledService, type ScalingPolicy } from "@/core/engines/scaling/policy";

export interface SavedScalingPolicy {
  service: ScaledService;
  /** 0 = the defaults, never saved. */
  version: number;
  policy: ScalingPolicy;
  reason: string | null;
  savedAt: string | null;
}

/** The newest saved policy for a service, or the defaults as version 0. */
export async function currentScalingPolicy(service: ScaledService = "clinical"): Promise<SavedScalingPolicy> {
  const row = await (await db()).scalingPolicyVersion.findFirst({ where: { service }, orderBy: { version: "desc" } });
  if (!row) return { service, version: 0, policy: defaultScalingPolicy(), reason: null, savedAt: null };
  return { service, version: row.version, policy: row.policy as unknown as ScalingPolicy, reason: row.reason, savedAt: row.createdAt.toISOString() };
}
