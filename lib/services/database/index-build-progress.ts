import "server-only";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import type { BuildProgress } from "@/core/engines/index-advisor/build-progress";
import { clinicalIndexOps } from "./clinical-index-ops";

/** Index builds running on the clinical database now (pg_stat_progress_create_index), for the page to poll. */
export async function indexBuildProgress(actor: Actor | null): Promise<{ database: string; builds: BuildProgress[]; live: boolean }> {
  await authorize(actor, "console.view", { action: "index.progress" });
  const ops = clinicalIndexOps();
  // Embedded PGlite has one connection: while it builds, nothing else (this read included) runs.
  return { database: ops.target.label, builds: await ops.progress(), live: ops.target.kind === "postgres" };
}
