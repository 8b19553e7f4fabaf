/**
 * `npm run bench:cache`: patient lookups and vital-sign reads on 100,000 patients with a
 * Zipf-distributed access pattern, with the clinical service's cache off, L1+L2 and L2 only,
 * next to a bare Fastify ceiling measured in the same run; hit rate per data class from the
 * service's own /metrics. PostgreSQL (BENCH_DATABASE_URL) and Redis (BENCH_REDIS_URL, DB 5,
 * flushed before each mode) must answer.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { Redis } from "ioredis";
import { mulberry32 } from "../clinical/src/seed/prng";
import { patientId } from "../clinical/src/seed/synthetic-patients";
import { zipfSampler } from "@/core/engines/loadgen/zipf";
import { cacheCounters, type CacheCounters } from "@/core/metrics/clinical-counters";
import { dbUrl, ensureDatabase, machine, startServer, stop } from "./support";
import { issueToken } from "../clinical/src/auth/tokens";
import { parseScopes } from "../clinical/src/auth/scopes";

const PATIENTS = 100_000;
const ZIPF_S = Number(process.env.BENCH_ZIPF_S ?? 1.1);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = 4902;
const BARE_PORT = 4903;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/5";
const KEY = "0f".repeat(32);
// Rows without a token run with CLINICAL_AUTH=off (the baseline); the last repeats L1 + L2 with
// authentication on and one bearer token on every request, so the token check's cost is the
// difference between the two L1 + L2 rows (issue 17: verified tokens are cached).
const MODES = [
  { name: "cache off", env: "off", auth: false }, { name: "L1 + L2", env: "on", auth: false }, { name: "L2 only", env: "l2-only", auth: false },
  { name: "L1 + L2, bearer token checked", env: "on", auth: true },
] as const;
const TOKEN_KEY = "a1".repeat(32);
const WORKLOADS = [
  { name: "patient lookup", cls: "patient-demographics", path: (id: string) => `/fhir/Patient/${id}` },
  // The hit path's own ceiling: one patient, so every read after the first is a hit.
  { name: "patient lookup, one patient", cls: "patient-demographics", path: () => `/fhir/Patient/${patientId(1)}` },
  { name: "vital signs (latest 10)", cls: "vital-signs", path: (id: string) => `/fhir/Observation?patient=${id}&category=vital-signs&_sort=-date&_count=10` },
];

async function drive(port: number, path: () => string, durationS: number, headers: Record<string, string> = {}) {
  const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: durationS, timeout: 20, headers, requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: path() }) }] });
  return { reqPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function counters(port: number): Promise<Record<string, CacheCounters>> {
  return cacheCounters(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
}

function hitRate(before: CacheCounters | undefined, after: CacheCounters | undefined): number | null {
  if (!after) return null;
  const b = before ?? { l1: 0, l2: 0, miss: 0, graced: 0 };
  const hits = after.l1 + after.l2 + after.graced - (b.l1 + b.l2 + b.graced);
  const total = hits + after.miss - b.miss;
  return total > 0 ? hits / total : null;
}

async function main(): Promise<void> {
  await ensureDatabase(PATIENTS);
  const bare = await startServer(["bench/bare-fastify.ts", String(BARE_PORT)], {}, `http://127.0.0.1:${BARE_PORT}/constant`);
  const ceiling = await drive(BARE_PORT, () => "/constant", DURATION_S);
  await stop(bare);
  console.log(`bare Fastify ceiling: ${ceiling.reqPerSec.toFixed(0)} req/s`);
  const rows = [];
  const redis = new Redis(REDIS_URL);
  for (const mode of MODES) {
    await redis.flushdb();
    const svc = await startServer(["clinical/src/server.ts"], {
      CLINICAL_DATABASE_URL: dbUrl(PATIENTS), CLINICAL_PORT: String(PORT), LOG_LEVEL: "warn", CLINICAL_ADMISSION: "off", CLINICAL_RATE_LIMIT: "off",
      REDIS_URL, VIGIL_CACHE_KEY: KEY, CLINICAL_CACHE: mode.env, CLINICAL_AUTH: mode.auth ? "on" : "off", CLINICAL_TOKEN_KEY: TOKEN_KEY,
    }, `http://127.0.0.1:${PORT}/health`);
    // One token for the whole mode, as a client would hold one: signed with the service's key, an hour long.
    const headers: Record<string, string> = mode.auth ? { authorization: `Bearer ${(await issueToken(Buffer.from(TOKEN_KEY, "hex"), "bench-cache", parseScopes("system/*.rs").scopes, 3600)).token}` } : {};
    for (const w of WORKLOADS) {
      const sample = zipfSampler(PATIENTS, ZIPF_S, mulberry32(7));
      const path = () => w.path(patientId(sample()));
      await drive(PORT, path, WARMUP_S, headers);
      const before = await counters(PORT);
      const m = await drive(PORT, path, DURATION_S, headers);
      const rate = hitRate(before[w.cls], (await counters(PORT))[w.cls]);
      rows.push({ mode: mode.name, workload: w.name, ...m, hitRate: rate, shareOfCeiling: m.reqPerSec / ceiling.reqPerSec });
      console.log(`${mode.name} ${w.name}: ${m.reqPerSec.toFixed(0)} req/s, p99 ${m.p99} ms, hit rate ${rate === null ? "-" : (rate * 100).toFixed(1) + "%"}`);
    }
    await stop(svc);
  }
  await redis.quit();
  const stamp = new Date().toISOString();
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/cache.json", JSON.stringify({ stamp, machine: machine(), patients: PATIENTS, zipfS: ZIPF_S, durationS: DURATION_S, connections: CONNECTIONS, ceiling, rows }, null, 2) + "\n");
  const md = [
    `Measured ${stamp} on ${machine()}; ${PATIENTS.toLocaleString("en")} patients on PostgreSQL 15, Redis 7 on loopback; Zipf s = ${ZIPF_S} over patients; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per row after a ${WARMUP_S} s unrecorded warm-up; bare Fastify ceiling in the same run: **${ceiling.reqPerSec.toFixed(0)} req/s**.`,
    "",
    "| cache | workload | req/s | share of bare Fastify | p50 ms | p99 ms | hit rate | non-2xx | errors |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.mode} | ${r.workload} | ${r.reqPerSec.toFixed(0)} | ${(r.shareOfCeiling * 100).toFixed(0)}% | ${r.p50} | ${r.p99} | ${r.hitRate === null ? "-" : (r.hitRate * 100).toFixed(1) + "%"} | ${r.non2xx} | ${r.errors} |`),
  ].join("\n");
  writeFileSync("bench/results/cache.md", md + "\n");
  console.log(`\n${md}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
