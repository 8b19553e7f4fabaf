import "server-only";
import { createHash } from "node:crypto";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../../audit/record-event";
import { reportDownloadSchema } from "../../validations/period-report";
import { periodReportCsv } from "../../reports/report-csv";
import type { PeriodReport } from "../../reports/period-report";
import { invalidInput } from "../validation-error";
import { computePeriodReport } from "./compute-period-report";

export const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

const stem = (r: PeriodReport) => `period-report-${r.period.from.slice(0, 10)}-${r.period.to.slice(0, 10)}`;

export interface ReportFileOut {
  name: string;
  type: string;
  body: Buffer;
  sha256: string;
}

/** How a PDF is made from the pinned report; the route handler supplies it (it knows the URL and the session). */
export type PdfRenderer = (report: PeriodReport) => Promise<Buffer>;

function file(name: string, type: string, body: Buffer): ReportFileOut {
  return { name, type, body, sha256: sha256(body) };
}

/**
 * One download of a pinned period report: `csv`, `pdf`, or `manifest` (JSON: period, through,
 * asOf, generation time, and each file's name, bytes and SHA-256, computed by building the CSV
 * and rendering the PDF from the same pinned report). Every response also carries its own
 * SHA-256 (X-Content-SHA256). Compliance and admin; each download writes `report.download`.
 */
export async function downloadPeriodReport(actor: Actor | null, input: unknown, renderPdf: PdfRenderer): Promise<ReportFileOut> {
  const user = await authorize(actor, "compliance.report", { action: "report.download" });
  const parsed = reportDownloadSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const report = await computePeriodReport(parsed.data);
  const csv = () => file(`${stem(report)}.csv`, "text/csv; charset=utf-8", Buffer.from(periodReportCsv(report), "utf8"));
  const pdf = async () => file(`${stem(report)}.pdf`, "application/pdf", await renderPdf(report));
  let out: ReportFileOut;
  if (parsed.data.file === "csv") out = csv();
  else if (parsed.data.file === "pdf") out = await pdf();
  else {
    const files = [csv(), await pdf()].map((f) => ({ name: f.name, bytes: f.body.length, sha256: f.sha256 }));
    const manifest = { report: "period", period: report.period, through: report.through, asOf: report.asOf, generatedAt: new Date().toISOString(), files };
    out = file(`${stem(report)}.manifest.json`, "application/json; charset=utf-8", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"));
  }
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "report.download", target: out.name, sourceIp: user.sourceIp, outcome: "success",
      after: { file: parsed.data.file, from: report.period.from, to: report.period.to, through: report.through, asOf: report.asOf, sha256: out.sha256 },
    }),
  );
  return out;
}
