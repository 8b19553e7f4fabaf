import "server-only";
import { db } from "../../db/prisma";
import { classesOf, type ScrapeRecord } from "../../metrics/scrape-record";
import { verifyAuditChain } from "../../audit/verify-chain";
import { loadAnchors } from "../audit/audit-anchors";
import { assemblePeriodReport, type ChainResult, type PeriodReport } from "../../reports/period-report";
import type { ReportAuditEvent } from "../../reports/period-audit";
import { ALERT_LOOKBACK_S } from "../../reports/burn-alerts";

export interface PinnedPeriod {
  from: Date;
  to: Date;
  /** Audit events up to this seq; default: the newest now. */
  through?: string;
  /** Scrapes up to this instant; default: now. */
  asOf?: string;
}

/**
 * Runs the existing chain verifier (the Audit page's and the CLI's) and reports it as of
 * `through`: when the whole chain verifies, the count is the events up to `through`, so files
 * generated a minute apart from one pinned report agree byte for byte.
 */
async function chainAsOf(through: bigint): Promise<ChainResult> {
  const prisma = await db();
  const report = await verifyAuditChain(prisma, loadAnchors() ?? undefined);
  const checked = report.ok ? await prisma.auditEvent.count({ where: { seq: { lte: through } } }) : report.checked;
  return { ok: report.ok, checked, firstBroken: report.firstBroken ?? null, lastCheckpoint: report.lastCheckpoint ?? null };
}

/** Reads the period's audit events and scrapes (real traffic only; the console keeps 31 days of scrapes, as the SLO pages count it) and assembles the report. No authorization: callers authorize. */
export async function computePeriodReport(p: PinnedPeriod): Promise<PeriodReport> {
  const prisma = await db();
  const through = BigInt(p.through ?? ((await prisma.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0n).toString());
  const asOf = p.asOf ? new Date(p.asOf) : new Date();
  const until = new Date(Math.min(p.to.getTime(), asOf.getTime()));
  const rows = await prisma.auditEvent.findMany({ where: { seq: { lte: through }, at: { gte: p.from, lt: p.to } }, orderBy: { seq: "asc" } });
  const events: ReportAuditEvent[] = rows.map((e) => ({
    seq: e.seq.toString(), at: e.at.toISOString(), actor: e.actor, actorRole: e.actorRole, action: e.action, target: e.target,
    sourceIp: e.sourceIp, outcome: e.outcome, before: e.before, after: e.after,
  }));
  type Row = { scraped_at: Date } & Pick<ScrapeRecord, "classes">;
  // From the burn-rate rules' longest window before the period: the alerts need it, and the
  // last of those samples is the SLO figures' baseline.
  const scrapes = await prisma.$queryRaw<Row[]>`SELECT scraped_at, data->'classes' AS classes FROM metric_scrapes
    WHERE scraped_at >= ${new Date(p.from.getTime() - ALERT_LOOKBACK_S * 1000)} AND scraped_at < ${until} ORDER BY scraped_at`;
  const samples = scrapes.map((r) => ({ at: r.scraped_at.getTime(), classes: classesOf({ classes: r.classes ?? {} }, false) }));
  return assemblePeriodReport({
    from: p.from, to: p.to, through: through.toString(), asOf, events, samples,
    chain: await chainAsOf(through),
  });
}
