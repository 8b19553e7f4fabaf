import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../../audit/record-event";
import { pinnedReportSchema } from "../../validations/period-report";
import type { PeriodReport } from "../../reports/period-report";
import { invalidInput } from "../validation-error";
import { computePeriodReport } from "./compute-period-report";

/**
 * Compliance and admin: the period report on screen. Refusals are audited by authorize; each
 * generation writes one `report.generate` event (after the report is pinned, so it is not in it).
 */
export async function generatePeriodReport(actor: Actor | null, input: unknown): Promise<PeriodReport> {
  const user = await authorize(actor, "compliance.report", { action: "report.generate" });
  const parsed = pinnedReportSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const report = await computePeriodReport(parsed.data);
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "report.generate", target: "period_report", sourceIp: user.sourceIp, outcome: "success",
      after: { from: report.period.from, to: report.period.to, through: report.through, asOf: report.asOf },
    }),
  );
  return report;
}
