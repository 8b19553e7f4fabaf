/**
 * Builds what the index advisor suggests for a workload, as the console's Database page and
 * `npm run bench:database` do: statements sampled while `drive` runs, HypoPG what-if advice,
 * CREATE INDEX CONCURRENTLY of each suggestion. An index already built (an earlier run) is
 * reported as refused, not built twice.
 */
import pg from "pg";
import { pgSqlClient } from "@/core/db/sql-client";
import { adviseIndexes } from "@/core/engines/index-advisor/advise";
import { buildIndex, IndexBuildRefused } from "@/core/engines/index-advisor/build-index";
import { sampleActiveStatements } from "@/core/engines/index-advisor/sample-activity";

export interface AdvisedBuild {
  ddl: string;
  ms: number;
  refused?: string;
}

async function session(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return pgSqlClient(c, () => c.end());
}

export async function buildAdvisedIndexes(url: string, drive: () => Promise<void>): Promise<AdvisedBuild[]> {
  const s = await session(url);
  await s.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  await s.query("CREATE EXTENSION IF NOT EXISTS hypopg");
  await s.query("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)");
  const samplerSession = await session(url);
  const sampler = sampleActiveStatements(samplerSession);
  await drive();
  const sampled = await sampler.stop();
  await samplerSession.close();
  const advice = await adviseIndexes(s, { method: "hypopg", minCalls: 1, sampled });
  await s.query("SET maintenance_work_mem = '512MB'");
  const builds: AdvisedBuild[] = [];
  for (const x of advice.suggestions) {
    builds.push(
      await buildIndex(s, x, { concurrently: true, timeoutMs: 20 * 60_000 }).catch((err: unknown) => {
        if (err instanceof IndexBuildRefused && err.reason === "exists") return { ms: 0, ddl: x.ddl, refused: err.message };
        throw err;
      }),
    );
  }
  await s.close();
  return builds;
}
