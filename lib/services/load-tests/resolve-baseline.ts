import "server-only";
import { existsSync, readFileSync } from "node:fs";
import { db } from "../../db/prisma";
import { env } from "../../env";
import { parseBaselineJson, type BaselineRun } from "../../validations/baseline";

export interface ResolvedBaseline extends BaselineRun {
  /** Run-to-run noise measured when the baseline was promoted, if it was. */
  noise: number | null;
}

/** Finds the baseline a CLI run is compared with: a JSON file, or a run in the console's database. */
export async function resolveBaseline(arg: string, scenario: string, target: string): Promise<ResolvedBaseline> {
  if (/\.json$/i.test(arg)) {
    if (!existsSync(arg)) throw new Error(`baseline file ${arg} does not exist`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(arg, "utf8"));
    } catch {
      throw new Error(`baseline file ${arg} is not valid JSON`);
    }
    return { ...parseBaselineJson(json, arg), noise: null };
  }
  // The embedded PGlite store has one owner, the running console; a second process must not open it.
  if (!env().DATABASE_URL) throw new Error("--baseline <run-id|latest> reads the console's database: set DATABASE_URL, or pass a JSON file downloaded from the run page");
  const prisma = await db();
  let runId = arg;
  let noise: number | null = null;
  if (arg === "latest") {
    const b = await prisma.baseline.findUnique({ where: { scenario_target: { scenario, target } } });
    if (!b) throw new Error(`no baseline is promoted for ${scenario} on ${target}`);
    runId = b.runId;
    noise = b.noise;
  }
  const run = await prisma.loadTestRun.findUnique({ where: { id: runId } });
  if (!run) throw new Error(`no run ${runId} in the console's database`);
  return { ...parseBaselineJson({ summary: run.summary, windows: run.windows }, `run ${run.id}`), noise };
}
