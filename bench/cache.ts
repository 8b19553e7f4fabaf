/**
 * `npm run bench:cache`: patient lookups and vital-sign reads on 100,000 patients with a
 * Zipf-distributed access pattern, with the clinical service's cache off, L1+L2 and L2 only, and
 * the all-hits read with everything of resource management switched on (admission, rate limits),
 * next to a bare Fastify ceiling. Three interleaved rounds (bare, then each mode, each round), so
 * the machine's drift lands in every mode alike; the table gives each row's median over the
 * rounds and the goals are checked on per-round ratios' medians. Hit rate per data class from the
 * service's own /metrics. Vital signs are read with the indexes the advisor builds for them (as the
 * Database page would), made once before the rounds. PostgreSQL (BENCH_DATABASE_URL) and Redis
 * (BENCH_REDIS_URL, DB 5, flushed before each mode) must answer.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { Redis } from "ioredis";
import { ClinicalTokenClient } from "@/core/auth/token-client";
import { adminHeaders } from "@/core/engines/cache/signature";
import { mulberry32 } from "../clinical/src/seed/prng";
import { patientId } from "../clinical/src/seed/synthetic-patients";
import { zipfSampler } from "@/core/engines/loadgen/zipf";
import { cacheCounters, type CacheCounters } from "@/core/metrics/clinical-counters";
import { buildAdvisedIndexes } from "./advised-indexes";
import { cpuSnapshot, type CpuSnapshot } from "./cpu-time";
import { dbUrl, ensureDatabase, machine, registerBenchClient, startServer, stop } from "./support";

const PATIENTS = 100_000;
const ZIPF_S = Number(process.env.BENCH_ZIPF_S ?? 1.1);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Bare Fastify measured right before each one-patient row (seconds; its server is warm by then). */
const CEILING_S = Number(process.env.BENCH_CEILING_S ?? 5);
const PORT = 4902;
const BARE_PORT = 4903;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/5";
const KEY = "0f".repeat(32);
const SECRET = "bench-only-clinical-admin-secret-0123456789";

const WORKLOADS = {
  zipf: { name: "patient lookup", cls: "patient-demographics", path: (id: string) => `/fhir/Patient/${id}` },
  // The hit path's own ceiling: one patient, so every read after the first is a hit.
  one: { name: "patient lookup, one patient", cls: "patient-demographics", path: () => `/fhir/Patient/${patientId(1)}` },
  vitals: { name: "vital signs (latest 10)", cls: "vital-signs", path: (id: string) => `/fhir/Observation?patient=${id}&category=vital-signs&_sort=-date&_count=10` },
  // The same search for one patient: the vital-signs hit path against the same read uncached.
  vitalsOne: { name: "vital signs (latest 10), one patient", cls: "vital-signs", path: (id: string) => `/fhir/Observation?patient=${id}&category=vital-signs&_sort=-date&_count=10` },
} as const;
type WorkloadKey = keyof typeof WORKLOADS;
/** Workloads that read one patient (every read after the first is a hit); the others draw patients from the Zipf sampler. */
const ONE_PATIENT = new Set<WorkloadKey>(["one", "vitalsOne"]);

// The cache's own rows run without the token check, admission and rate limits; their costs are measured in the last two rows.
const QUIET = { CLINICAL_AUTH: "off", CLINICAL_ADMISSION: "off", CLINICAL_RATE_LIMIT: "off" };
const MODES = [
  { key: "off", name: "cache off", env: { CLINICAL_CACHE: "off", ...QUIET }, workloads: ["zipf", "one", "vitals", "vitalsOne"] },
  { key: "l1l2", name: "L1 + L2", env: { CLINICAL_CACHE: "on", ...QUIET }, workloads: ["zipf", "one", "vitals", "vitalsOne"] },
  { key: "l2", name: "L2 only", env: { CLINICAL_CACHE: "l2-only", ...QUIET }, workloads: ["zipf", "one", "vitals", "vitalsOne"] },
  // Issue 17: the same all-hits read with a bearer token checked on every request.
  { key: "auth", name: "L1 + L2, bearer token checked", env: { CLINICAL_CACHE: "on", ...QUIET, CLINICAL_AUTH: "on" }, workloads: ["one"] },
  // Issue 15's hot-path check: token, admission and rate limits on; the client's budget raised (signed admin API) so it is charged, not refused.
  { key: "all", name: "L1 + L2, token + admission + rate limits", env: { CLINICAL_CACHE: "on", CLINICAL_AUTH: "on", CLINICAL_ADMISSION: "on", CLINICAL_RATE_LIMIT: "on" }, workloads: ["one"] },
] as const satisfies readonly { key: string; name: string; env: Record<string, string>; workloads: readonly WorkloadKey[] }[];
type ModeKey = (typeof MODES)[number]["key"];

interface Measure { reqPerSec: number; requests: number; p50: number; p99: number; non2xx: number; errors: number }

async function drive(port: number, path: () => string, durationS: number, headers: Record<string, string> = {}): Promise<Measure> {
  const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: durationS, timeout: 20, headers, requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: path() }) }] });
  return { reqPerSec: r.requests.average, requests: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
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

async function signed(method: "GET" | "PUT", path: string, body?: unknown) {
  const text = body === undefined ? "" : JSON.stringify(body);
  const res = await fetch(`http://127.0.0.1:${PORT}${path}`, { method, body: body === undefined ? undefined : text, headers: { ...adminHeaders(SECRET, method, path, text), ...(text ? { "content-type": "application/json" } : {}) } });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ version: number; settings: { rateLimit: { clientPoints: number; unknownClientPoints: number } } }>;
}

/** Raises the per-client budget to its maximum: every request is still counted and answered with RateLimit headers. */
async function raiseClientBudget(): Promise<void> {
  const cur = await signed("GET", "/admin/resources/settings");
  const rateLimit = { ...cur.settings.rateLimit, clientPoints: 10_000_000, unknownClientPoints: 10_000_000 };
  await signed("PUT", "/admin/resources/settings", { version: cur.version + 1, settings: { ...cur.settings, rateLimit } });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** CPU milliseconds per 1,000 requests of the service, Redis and PostgreSQL processes (a measure the machine's drift moves far less than throughput). */
interface CpuPer1000 { service: number; redis: number; postgres: number }
/** `ceiling`: bare Fastify's req/s measured just before this row (one-patient rows only): the share-of-bare goals divide by it, so minutes of the machine's drift do not fall between the two. */
interface Row { round: number; mode: ModeKey; workload: WorkloadKey | "bare"; m: Measure; hitRate: number | null; redisPerRequest: number | null; cpu: CpuPer1000 | null; ceiling: number | null }

function cpuPer1000(before: CpuSnapshot, after: CpuSnapshot, requests: number): CpuPer1000 {
  const per = (k: keyof CpuSnapshot) => ((after[k] - before[k]) * 1000) / Math.max(1, requests);
  return { service: per("service"), redis: per("redis"), postgres: per("postgres") };
}

/** Commands the Redis server has run so far (INFO commandstats, every command; the bench is its only client). */
async function redisCommands(redis: Redis): Promise<number> {
  const info = await redis.info("commandstats");
  return [...info.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)].filter(([, cmd]) => cmd !== "info").reduce((n, [, , calls]) => n + Number(calls), 0);
}

async function main(): Promise<void> {
  const loadStart = loadavg()[0]!;
  await ensureDatabase(PATIENTS);
  const env = (mode: (typeof MODES)[number]) => ({ CLINICAL_DATABASE_URL: dbUrl(PATIENTS), CLINICAL_PORT: String(PORT), LOG_LEVEL: "warn", REDIS_URL, VIGIL_CACHE_KEY: KEY, CLINICAL_ADMIN_SECRET: SECRET, ...mode.env });
  const zipfPath = (w: (typeof WORKLOADS)[WorkloadKey]) => {
    const sample = zipfSampler(PATIENTS, ZIPF_S, mulberry32(7));
    return () => w.path(patientId(sample()));
  };
  // Vital signs with the advisor's indexes (built once; an earlier run's are kept and reported).
  const advising = await startServer(["clinical/src/server.ts"], env(MODES[0]), `http://127.0.0.1:${PORT}/health`);
  const indexes = await buildAdvisedIndexes(dbUrl(PATIENTS), async () => void (await drive(PORT, zipfPath(WORKLOADS.vitals), 5))).finally(() => stop(advising));
  for (const b of indexes) console.log(b.refused ? `index already there: ${b.ddl}` : `built in ${(b.ms / 1000).toFixed(1)} s: ${b.ddl}`);

  const credentials = await registerBenchClient(dbUrl(PATIENTS), "bench-cache", "system/Patient.rs");
  const rows: Row[] = [];
  const redis = new Redis(REDIS_URL);
  for (let round = 1; round <= ROUNDS; round++) {
    // Bare Fastify stays up (idle) through the round, for the ceiling measured next to each one-patient row.
    const bare = await startServer(["bench/bare-fastify.ts", String(BARE_PORT)], {}, `http://127.0.0.1:${BARE_PORT}/constant`);
    await drive(BARE_PORT, () => "/constant", WARMUP_S);
    const ceiling = await drive(BARE_PORT, () => "/constant", DURATION_S);
    rows.push({ round, mode: "off", workload: "bare", m: ceiling, hitRate: null, redisPerRequest: null, cpu: null, ceiling: null });
    console.log(`round ${round}: bare Fastify ${ceiling.reqPerSec.toFixed(0)} req/s`);
    for (const mode of MODES) {
      await redis.flushdb();
      const svc = await startServer(["clinical/src/server.ts"], env(mode), `http://127.0.0.1:${PORT}/health`);
      try {
        if (mode.key === "all") await raiseClientBudget();
        const headers: Record<string, string> = mode.env.CLINICAL_AUTH === "on"
          ? { authorization: `Bearer ${await new ClinicalTokenClient({ ...credentials, baseUrl: `http://127.0.0.1:${PORT}`, scope: "system/Patient.rs" }).token()}` }
          : {};
        for (const key of mode.workloads) {
          const w = WORKLOADS[key];
          const path = ONE_PATIENT.has(key) ? () => w.path(patientId(1)) : zipfPath(w);
          await drive(PORT, path, WARMUP_S, headers);
          const adjacent = ONE_PATIENT.has(key) ? (await drive(BARE_PORT, () => "/constant", CEILING_S)).reqPerSec : null;
          const before = await counters(PORT);
          const commandsBefore = await redisCommands(redis);
          const cpuBefore = cpuSnapshot(svc.pid);
          const m = await drive(PORT, path, DURATION_S, headers);
          const cpu = cpuPer1000(cpuBefore, cpuSnapshot(svc.pid), m.requests);
          const redisPerRequest = mode.key === "off" ? null : ((await redisCommands(redis)) - commandsBefore) / Math.max(1, m.requests);
          const rate = mode.key === "off" ? null : hitRate(before[w.cls], (await counters(PORT))[w.cls]);
          rows.push({ round, mode: mode.key, workload: key, m, hitRate: rate, redisPerRequest, cpu, ceiling: adjacent });
          console.log(`round ${round}: ${mode.name} / ${w.name}: ${m.reqPerSec.toFixed(0)} req/s, p99 ${m.p99} ms, hit rate ${rate === null ? "-" : (rate * 100).toFixed(1) + "%"}, Redis commands/request ${redisPerRequest === null ? "-" : redisPerRequest.toFixed(2)}, CPU ms per 1,000 requests: service ${cpu.service.toFixed(0)}, Redis ${cpu.redis.toFixed(0)}, PostgreSQL ${cpu.postgres.toFixed(0)}, non-2xx ${m.non2xx}`);
        }
      } finally {
        await stop(svc);
      }
    }
    await stop(bare);
  }
  await redis.quit();
  report(rows, indexes, loadStart);
}

function report(rows: Row[], indexes: Awaited<ReturnType<typeof buildAdvisedIndexes>>, loadStart: number): void {
  const of = (mode: ModeKey, workload: WorkloadKey | "bare", round: number) => rows.find((r) => r.mode === mode && r.workload === workload && r.round === round)!;
  const rounds = [...new Set(rows.map((r) => r.round))];
  const ratio = (a: [ModeKey, WorkloadKey | "bare"], b: [ModeKey, WorkloadKey | "bare"]) => median(rounds.map((n) => of(...a, n).m.reqPerSec / of(...b, n).m.reqPerSec));
  // A row's share of bare Fastify: over the ceiling measured next to it when there is one, else the round's.
  const shareOf = (mode: ModeKey, workload: WorkloadKey, n: number) => { const r = of(mode, workload, n); return r.m.reqPerSec / (r.ceiling ?? of("off", "bare", n).m.reqPerSec); };
  const share = (mode: ModeKey, workload: WorkloadKey) => median(rounds.map((n) => shareOf(mode, workload, n)));
  const goals = [
    { goal: "Zipf patient lookup, L1 + L2 ÷ cache off", target: 1.2, value: ratio(["l1l2", "zipf"], ["off", "zipf"]), unit: "×" },
    { goal: "Zipf patient lookup, L2 only ÷ cache off", target: 1.0, value: ratio(["l2", "zipf"], ["off", "zipf"]), unit: "×" },
    { goal: "all hits (one patient), L1 + L2 ÷ bare Fastify", target: 0.6, value: share("l1l2", "one"), unit: "%" },
    { goal: "all hits with token + admission + rate limits ÷ bare Fastify (issue 15)", target: 0.5, value: share("all", "one"), unit: "%" },
    { goal: "vital signs (latest 10), Zipf, L1 + L2 ÷ cache off", target: 3, value: ratio(["l1l2", "vitals"], ["off", "vitals"]), unit: "×" },
    { goal: "vital signs (latest 10), one patient (all hits), L1 + L2 ÷ cache off", target: 3, value: ratio(["l1l2", "vitalsOne"], ["off", "vitalsOne"]), unit: "×" },
  ].map((g) => ({ ...g, met: g.value >= g.target }));
  // Not a goal: what checking a bearer token on every request costs (issue 17 asks for it quoted).
  const tokenOverhead = 1 - ratio(["auth", "one"], ["l1l2", "one"]);
  const fmt = (v: number, unit: string) => (unit === "%" ? `${(v * 100).toFixed(0)}%` : `${v.toFixed(2)}×`);
  const ceiling = median(rounds.map((n) => of("off", "bare", n).m.reqPerSec));
  const table = MODES.flatMap((mode) => mode.workloads.map((w) => {
    const rs = rounds.map((n) => of(mode.key, w, n));
    const rates = rs.map((r) => r.hitRate).filter((x): x is number => x !== null);
    const perRequest = rs.map((r) => r.redisPerRequest).filter((x): x is number => x !== null);
    const cpus = rs.map((r) => r.cpu).filter((x): x is CpuPer1000 => x !== null);
    const cpuMedian = (k: keyof CpuPer1000) => median(cpus.map((c) => c[k]));
    return {
      mode: mode.name, workload: WORKLOADS[w].name,
      reqPerSec: median(rs.map((r) => r.m.reqPerSec)), perRound: rs.map((r) => Math.round(r.m.reqPerSec)),
      share: share(mode.key, w), ceilings: rs.map((r) => (r.ceiling === null ? null : Math.round(r.ceiling))),
      p50: median(rs.map((r) => r.m.p50)), p99: median(rs.map((r) => r.m.p99)),
      hitRate: rates.length ? median(rates) : null, redisPerRequest: perRequest.length ? median(perRequest) : null,
      cpu: cpus.length ? { service: cpuMedian("service"), redis: cpuMedian("redis"), postgres: cpuMedian("postgres") } : null, non2xx: rs.reduce((a, r) => a + r.m.non2xx, 0), errors: rs.reduce((a, r) => a + r.m.errors, 0),
    };
  }));
  const stamp = new Date().toISOString();
  const setup = `${PATIENTS.toLocaleString("en")} patients on PostgreSQL 15, Redis 7 on loopback; Zipf s = ${ZIPF_S} over patients; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per row after a ${WARMUP_S} s unrecorded warm-up; ${rounds.length} interleaved rounds, medians; load average (1 min) ${loadStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`;
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/cache.json", JSON.stringify({ stamp, machine: machine(), setup, patients: PATIENTS, zipfS: ZIPF_S, durationS: DURATION_S, warmupS: WARMUP_S, connections: CONNECTIONS, ceiling, indexes, goals, tokenOverhead, table, rows }, null, 2) + "\n");
  const md = [
    `Measured ${stamp} on ${machine()}; ${setup}. Bare Fastify ceiling (median of the rounds' first runs): **${ceiling.toFixed(0)} req/s**; each one-patient row's share is of a bare run (${CEILING_S} s) made right before it, so the machine's drift between the two is seconds, not minutes.`,
    "",
    `Vital signs read with the advisor's indexes: ${indexes.map((b) => `\`${b.ddl}\`${b.refused ? " (already built)" : ` (built in ${(b.ms / 1000).toFixed(1)} s)`}`).join(", ") || "none suggested (the indexes already there serve it; an earlier run built them)"}.`,
    "",
    "| cache | workload | req/s (median) | per round | share of bare Fastify (one-patient rows: of the bare run just before, per round) | p50 ms | p99 ms | hit rate | Redis commands / request | CPU ms per 1,000 requests: service + Redis + PostgreSQL | non-2xx | errors |",
    "|---|---|---:|---|---:|---:|---:|---:|---:|---|---:|---:|",
    ...table.map((r) => `| ${r.mode} | ${r.workload} | ${r.reqPerSec.toFixed(0)} | ${r.perRound.join(" / ")} | ${(r.share * 100).toFixed(0)}%${r.ceilings.some((c) => c !== null) ? ` (bare ${r.ceilings.join(" / ")})` : ""} | ${r.p50} | ${r.p99} | ${r.hitRate === null ? "-" : (r.hitRate * 100).toFixed(1) + "%"} | ${r.redisPerRequest === null ? "-" : r.redisPerRequest.toFixed(2)} | ${r.cpu ? `${r.cpu.service.toFixed(0)} + ${r.cpu.redis.toFixed(0)} + ${r.cpu.postgres.toFixed(0)} = **${(r.cpu.service + r.cpu.redis + r.cpu.postgres).toFixed(0)}**` : "-"} | ${r.non2xx} | ${r.errors} |`),
    "",
    "| goal | target | measured (median of per-round ratios) | |",
    "|---|---:|---:|---|",
    ...goals.map((g) => `| ${g.goal} | ≥ ${fmt(g.target, g.unit)} | ${fmt(g.value, g.unit)} | ${g.met ? "met" : "**not met**"} |`),
    "",
    `Token check (all-hits read with a bearer token ÷ without, median of per-round ratios): ${(tokenOverhead * 100).toFixed(1)}% fewer requests per second.`,
  ].join("\n");
  writeFileSync("bench/results/cache.md", md + "\n");
  console.log(`\n${md}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
