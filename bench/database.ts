/**
 * `npm run bench:database`: the index advisor's proof on 100,000 patients (PostgreSQL). In one
 * run: every clinical endpoint before (primary keys only), the advisor on the workload that
 * produced (pg_stat_statements + HypoPG), CREATE INDEX CONCURRENTLY of exactly what it
 * suggested (nothing hand-written), every endpoint again. Writes bench/results/database.{md,json}.
 * The service runs with CLINICAL_CACHE=off so the database, not the cache, answers.
 * Needs BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) with hypopg.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { mulberry32 } from "../clinical/src/seed/prng";
import { pgSqlClient, type SqlClient } from "@/core/db/sql-client";
import { adviseIndexes } from "@/core/engines/index-advisor/advise";
import { buildIndex, IndexBuildRefused } from "@/core/engines/index-advisor/build-index";
import { sampleActiveStatements } from "@/core/engines/index-advisor/sample-activity";
import type { Suggestion, WorkloadQuery } from "@/core/engines/index-advisor/types";
import { ENDPOINTS, type Endpoint } from "./endpoints";
import { BASE, databaseIdle, machine, run, startServer, stop } from "./support";

const PATIENTS = 100_000;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = 4920;
const DB = "vigil_bench_advisor_100000";
const url = (() => {
  const u = new URL(BASE);
  u.pathname = `/${DB}`;
  return u.toString();
})();

interface Measure { reqPerSec: number; p50: number; p95: number; requests: number; non2xx: number; errors: number }

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function measure(ep: Endpoint): Promise<Measure> {
  const rand = mulberry32(PATIENTS);
  const latencies: number[] = [];
  let done!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const finished = new Promise<autocannon.Result>((res, rej) => ((done = res), (fail = rej)));
  const instance = autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    timeout: 20,
    requests: [{
      method: ep.method,
      headers: ep.body ? { "content-type": "application/fhir+json" } : {},
      setupRequest: (req) => ({ ...req, path: ep.path(rand, PATIENTS), ...(ep.body ? { body: ep.body } : {}) }),
    }],
  }, (err, res) => (err ? fail(err) : done(res)));
  // autocannon reports p90 and p97.5, not p95: keep every response time and compute it.
  instance.on("response", (_c, _s, _b, ms) => latencies.push(ms));
  const result = await finished;
  latencies.sort((a, b) => a - b);
  return { reqPerSec: result.requests.average, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), requests: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

async function session(): Promise<SqlClient & { raw: pg.Client }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return Object.assign(pgSqlClient(c, () => c.end()), { raw: c });
}

async function prepareDatabase(): Promise<string[]> {
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB]);
  if (!exists.rowCount) await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  await run("npx", ["tsx", "clinical/src/seed/cli.ts", "--patients", String(PATIENTS), "--seed", "1"], { CLINICAL_DATABASE_URL: url });
  const s = await session();
  // Back to primary keys only: drop what an earlier run of this benchmark built.
  const { rows } = await s.query<{ name: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
  );
  for (const r of rows) await s.query(`DROP INDEX ${r.name}`);
  // The tables as autovacuum leaves a live database (visibility map set, hint bits written), so
  // neither round pays for the bulk load's first-touch writes; a no-op when already vacuumed.
  await s.query("VACUUM (ANALYZE) patients, encounters, observations");
  await s.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  await s.query("CREATE EXTENSION IF NOT EXISTS hypopg");
  await s.close();
  return rows.map((r) => r.name);
}

/** Only this database's statements: other databases on the server keep their statistics. */
async function resetStatements(): Promise<void> {
  const s = await session();
  await s.query("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)");
  await s.close();
}

async function statementMeans(): Promise<Map<string, { query: string; calls: number; meanMs: number }>> {
  const s = await session();
  const { rows } = await s.query<{ id: string; query: string; calls: number; total: number }>(
    `SELECT queryid::text AS id, min(query) AS query, sum(calls)::float8 AS calls, sum(total_exec_time)::float8 AS total FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) GROUP BY queryid`,
  );
  await s.close();
  return new Map(rows.map((r) => [r.id, { query: r.query, calls: r.calls, meanMs: r.total / Math.max(1, r.calls) }]));
}

async function round(label: string): Promise<Record<string, Measure>> {
  const out: Record<string, Measure> = {};
  for (const ep of ENDPOINTS) {
    await databaseIdle(url);
    out[ep.name] = await measure(ep);
    const m = out[ep.name]!;
    console.log(`${label} ${ep.name}: ${m.reqPerSec.toFixed(1)} req/s, p95 ${m.p95} ms, non-2xx ${m.non2xx}`);
  }
  return out;
}

async function main(): Promise<void> {
  const started = new Date().toISOString();
  const load = { start: loadavg().map((n) => Number(n.toFixed(2))) };
  const dropped = await prepareDatabase();
  const svc = await startServer(["clinical/src/server.ts"], { CLINICAL_DATABASE_URL: url, CLINICAL_PORT: String(PORT), LOG_LEVEL: "warn", CLINICAL_ADMISSION: "off", CLINICAL_RATE_LIMIT: "off", CLINICAL_CACHE: "off", CLINICAL_AUTH: "off" }, `http://127.0.0.1:${PORT}/health`, 180_000);
  let before: Record<string, Measure>, after: Record<string, Measure>;
  let suggestions: Suggestion[] = [];
  const builds: { ddl: string; ms: number; refused?: string }[] = [];
  let meansBefore: Awaited<ReturnType<typeof statementMeans>>, meansAfter: Awaited<ReturnType<typeof statementMeans>>;
  let adviseMs = 0;
  let sampled: WorkloadQuery[] = [];
  try {
    await resetStatements();
    // Statements cancelled by the service's statement timeout never reach pg_stat_statements:
    // the advisor's sampler watches pg_stat_activity on its own session while the round runs.
    const samplerSession = await session();
    const sampler = sampleActiveStatements(samplerSession);
    before = await round("before");
    sampled = await sampler.stop();
    await samplerSession.close();
    meansBefore = await statementMeans();
    const s = await session();
    const t0 = Date.now();
    // Every statement the before-round ran is workload (the slowest ran only a handful of times).
    const advice = await adviseIndexes(s, { method: "hypopg", minCalls: 1, sampled });
    adviseMs = Date.now() - t0;
    suggestions = advice.suggestions;
    console.log(`advisor: ${suggestions.length} suggestions in ${adviseMs} ms\n${suggestions.map((x) => `  ${x.ddl}`).join("\n")}`);
    // The builds' sort memory for this session only (the server's default is 64 MB); no server setting changes.
    await s.query("SET maintenance_work_mem = '512MB'");
    for (const x of suggestions) {
      const b = await buildIndex(s, x, { concurrently: true, timeoutMs: 20 * 60_000 }).catch((err: unknown) => {
        // The console refuses an index an earlier one already serves; so does the benchmark.
        if (err instanceof IndexBuildRefused && err.reason === "exists") return { ms: 0, ddl: x.ddl, refused: err.message };
        throw err;
      });
      builds.push(b);
      console.log("refused" in b ? `not built: ${b.refused}` : `built in ${(b.ms / 1000).toFixed(1)} s: ${b.ddl}`);
    }
    await s.close();
    await resetStatements();
    after = await round("after");
    meansAfter = await statementMeans();
  } finally {
    await stop(svc);
  }
  write({ sampled, started, load: { ...load, end: loadavg().map((n) => Number(n.toFixed(2))) }, dropped, before, after, suggestions, builds, adviseMs, meansBefore, meansAfter });
}

function write(r: {
  sampled: WorkloadQuery[];
  started: string; load: { start: number[]; end: number[] }; dropped: string[]; before: Record<string, Measure>; after: Record<string, Measure>;
  suggestions: Suggestion[]; builds: { ddl: string; ms: number; refused?: string }[]; adviseMs: number;
  meansBefore: Map<string, { query: string; calls: number; meanMs: number }>; meansAfter: Map<string, { query: string; calls: number; meanMs: number }>;
}): void {
  const rows = ENDPOINTS.map((ep) => {
    const b = r.before[ep.name]!;
    const a = r.after[ep.name]!;
    return { endpoint: ep.name, before: b, after: a, speedup: b.reqPerSec > 0 ? a.reqPerSec / b.reqPerSec : null };
  });
  const get = (n: string) => rows.find((x) => x.endpoint === n)!;
  const vitals = get("vital signs (latest 10)");
  const read = get("patient read");
  const census = get("ward census");
  const goals = {
    vitalsAtLeastHalfPatientRead: vitals.after.reqPerSec >= 0.5 * read.after.reqPerSec,
    censusTenTimesFaster: (census.speedup ?? 0) >= 10,
    // Slower = fewer req/s beyond 10% run-to-run noise on this shared machine.
    noEndpointSlower: rows.every((x) => x.after.reqPerSec >= x.before.reqPerSec * 0.9),
  };
  const queryRows = [...r.meansBefore.entries()]
    .map(([id, b]) => ({ id, query: b.query, callsBefore: b.calls, meanBefore: b.meanMs, meanAfter: r.meansAfter.get(id)?.meanMs ?? null, callsAfter: r.meansAfter.get(id)?.calls ?? 0 }))
    .filter((q) => /^\s*(select|insert|update|delete|with)/i.test(q.query) && !/pg_|hypopg/.test(q.query))
    .sort((a, b) => b.meanBefore * b.callsBefore - a.meanBefore * a.callsBefore)
    .slice(0, 12);
  const estimatedSavedMsPerHour = r.suggestions.reduce((s, x) => s + x.estimatedSavedMsPerHour, 0);
  const stamp = new Date().toISOString();
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/database.json", JSON.stringify({ stamp, started: r.started, machine: machine(), loadavg: r.load, durationS: DURATION_S, connections: CONNECTIONS, patients: PATIENTS, droppedBeforeRun: r.dropped, adviseMs: r.adviseMs, suggestions: r.suggestions, builds: r.builds, sampled: r.sampled, estimatedSavedMsPerHour, rows, queries: queryRows, goals }, null, 2) + "\n");
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const ms = (n: number) => (Number.isNaN(n) ? "no response" : f(n));
  const md = [
    `Measured ${stamp} on ${machine()}; load average ${r.load.start.join("/")} at start, ${r.load.end.join("/")} at the end (the machine is shared with other agents' builds and tests); PostgreSQL 15, ${PATIENTS.toLocaleString("en")} patients (seed 1), clinical cache off; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per row.`,
    "",
    `Workload: pg_stat_statements for this database (reset before the round) plus ${r.sampled.length} statements sampled from pg_stat_activity while running (those the service's 10 s statement timeout cancelled never reach pg_stat_statements).`,
    "",
    `Advisor (HypoPG, ${r.adviseMs} ms) suggested, and the benchmark built with CREATE INDEX CONCURRENTLY, exactly:`,
    "",
    ...r.suggestions.map((x, i) => `- \`${x.ddl}\` (${r.builds[i]!.refused ? `not built: ${r.builds[i]!.refused}` : `built in ${(r.builds[i]!.ms / 1000).toFixed(1)} s`}; advisor's estimate ${f(x.estimatedSavedMsPerHour / 1000)} s saved per hour)`),
    "",
    "| endpoint | before req/s | before p95 ms | after req/s | after p95 ms | req/s ratio |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((x) => `| ${x.endpoint} | ${f(x.before.reqPerSec)} | ${ms(x.before.p95)} | ${f(x.after.reqPerSec)} | ${ms(x.after.p95)} | ${x.speedup === null ? "from 0" : `${x.speedup.toFixed(1)}×`} |`),
    "",
    `Goals: vital signs ≥ half the patient read's req/s: ${goals.vitalsAtLeastHalfPatientRead ? "met" : "NOT met"} (${f(vitals.after.reqPerSec)} vs ${f(read.after.reqPerSec)}); ward census ≥ 10× faster: ${goals.censusTenTimesFaster ? "met" : "NOT met"} (${census.speedup?.toFixed(1) ?? "-"}×); no endpoint slower (req/s within 10%): ${goals.noEndpointSlower ? "met" : "NOT met"}.`,
    `Total query time saved per hour (advisor's estimate from the before-round's workload): ${f(estimatedSavedMsPerHour / 1000)} s.`,
    "",
    "Per statement (pg_stat_statements, mean before → after):",
    "",
    "| statement | calls before | mean before ms | calls after | mean after ms |",
    "|---|---:|---:|---:|---:|",
    ...queryRows.map((q) => `| \`${q.query.replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, 90)}\` | ${q.callsBefore} | ${f(q.meanBefore)} | ${q.callsAfter} | ${q.meanAfter === null ? "-" : f(q.meanAfter)} |`),
  ].join("\n");
  writeFileSync("bench/results/database.md", md + "\n");
  console.log(`\n${md}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
