import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { currentAuditRetention, type SavedAuditRetention } from "./audit-retention";

export interface ArchiveListing {
  id: number;
  firstSeq: string;
  lastSeq: string;
  count: number;
  lastHash: string;
  manifestSha256: string;
  folder: string;
  createdBy: string;
  createdAt: string;
  /** When the newest event in it was recorded. */
  lastAt: string;
  /** Its newest event is older than the retention period. The app never deletes archives. */
  pastRetention: boolean;
}

/** Adds whole years in UTC (29 February lands on 1 March). */
const plusYears = (d: Date, years: number) => {
  const out = new Date(d);
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
};

/** The retention settings and every archive, newest first, each marked when past retention (compliance and admin). */
export async function listAuditArchives(actor: Actor | null, now = new Date()): Promise<{ retention: SavedAuditRetention; archives: ArchiveListing[] }> {
  await authorize(actor, "audit.view", { action: "audit.archives.view" });
  const retention = await currentAuditRetention();
  const rows = await (await db()).auditArchive.findMany({ orderBy: { lastSeq: "desc" } });
  const archives = rows.map((a) => ({
    id: a.id, firstSeq: a.firstSeq.toString(), lastSeq: a.lastSeq.toString(), count: a.count, lastHash: a.lastHash, manifestSha256: a.manifestSha256,
    folder: a.folder, createdBy: a.createdBy, createdAt: a.createdAt.toISOString(), lastAt: a.lastAt.toISOString(),
    pastRetention: plusYears(a.lastAt, retention.retentionYears) < now,
  }));
  return { retention, archives };
}
