/**
 * `npm run bench:scaling`: (1) the live local scaler: the clinical service as a node:cluster with
 * 1 → 2 workers in adjacent pairs on PostgreSQL, throughput and CPU measured with autocannon at each step, and the
 * measured worker start-up; (2) the simulator on the synthetic hospital's held-out week (HPA v2,
 * KEDA, Vigil) with that start-up time and the 1-worker throughput as per-replica capacity.
 * Needs BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { ClinicalTokenClient } from "@/core/auth/token-client";
import { adminHeaders } from "@/core/engines/cache/signature";
import { evaluateHeldOut } from "@/core/engines/scaling/evaluate-held-out";
import { DEFAULT_CLUSTER_PARAMS, hospitalForCapacity, SIMULATION_SEEDS } from "@/core/engines/scaling/simulation-params";
import { mulberry32 } from "../clinical/src/seed/prng";
import { patientId } from "../clinical/src/seed/synthetic-patients";
import { spawn } from "node:child_process";
import { waitForHttp } from "../scripts/wait-for-http";
import { databaseIdle, dbUrl, ensureDatabase, machine, registerBenchClient, stop } from "./support";
import { commandCpuMs, machineTicks, treeCpuMs } from "./cpu-time";
import { SIGN_TEST_ALPHA, workerEffect, type Step } from "./worker-effect";

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 6);
/** Adjacent (1 worker, 2 workers) pairs per workload: 8 pairs let a sign test tell a change at 5% from 7 "faster" pairs. */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PATIENTS = 1_000;
/** The patient search's largest page: the most service work per request (PostgreSQL's share grows less). */
const PAGE = 100;
const PORT = 4910;
const CONTROL = 4911;
const SECRET = "bench-only-clinical-admin-secret-0123456789";

async function control(method: "GET" | "PUT", path: string, body?: unknown) {
  const text = body === undefined ? "" : JSON.stringify(body);
  const res = await fetch(`http://127.0.0.1:${CONTROL}${path}`, { method, body: body === undefined ? undefined : text, headers: adminHeaders(SECRET, method, path, text), signal: AbortSignal.timeout(120_000) });
  return (await res.json()) as { ok?: boolean; workers: number; startedMs?: number[]; error?: string };
}

/**
 * Two workloads: the patient read, where autocannon and PostgreSQL cost as much CPU as the
 * service, and a page of PAGE patients, where the service's own work (PAGE resources turned into
 * FHIR JSON and hashed for the ETag per answer) dominates, so a second worker has a core to use.
 */
const WORKLOADS = [
  { key: "read", name: "one patient, GET /fhir/Patient/:id", path: (rand: () => number) => `/fhir/Patient/${patientId(1 + Math.floor(rand() * PATIENTS))}` },
  { key: "page", name: `page of ${PAGE} patients, GET /fhir/Patient?_count=${PAGE}&_offset=…`, path: (rand: () => number) => `/fhir/Patient?_count=${PAGE}&_offset=${PAGE * Math.floor(rand() * (PATIENTS / PAGE))}` },
] as const;
type Workload = (typeof WORKLOADS)[number];

let tokens: ClinicalTokenClient | undefined;

async function measure(w: Workload): Promise<{ reqPerSec: number; p50: number; p90: number; p99: number; non2xx: number; errors: number }> {
  const rand = mulberry32(7);
  await databaseIdle(dbUrl(PATIENTS));
  const authorization = `Bearer ${await tokens!.token()}`; // renewed when due (5-minute tokens)
  const r = await autocannon({
    url: `http://127.0.0.1:${PORT}`, connections: CONNECTIONS, duration: DURATION_S, timeout: 20, headers: { authorization },
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: w.path(rand) }) }],
  });
  return { reqPerSec: r.requests.average, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  await ensureDatabase(PATIENTS);
  const credentials = await registerBenchClient(dbUrl(PATIENTS), "bench-scaling", "system/Patient.rs");
  const env = { CLINICAL_DATABASE_URL: dbUrl(PATIENTS), CLINICAL_PORT: String(PORT), CLINICAL_CLUSTER_CONTROL_PORT: String(CONTROL), CLINICAL_ADMIN_SECRET: SECRET, CLINICAL_TOKEN_KEY: "ab".repeat(32), CLINICAL_WORKERS: "1", CLINICAL_MAX_WORKERS: "2", CLINICAL_CACHE: "off", LOG_LEVEL: "warn", CLINICAL_ADMISSION: "off", CLINICAL_RATE_LIMIT: "off", REDIS_URL: "" };
  // node itself is the child (stop() must reach the primary); a worker takes ~15 s to start here
  const cluster = spawn(process.execPath, ["--import", "tsx", "clinical/src/cluster/main.ts"], { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
  await waitForHttp(`http://127.0.0.1:${PORT}/health`, 180_000);
  // Every worker verifies with the same key (CLINICAL_TOKEN_KEY).
  tokens = new ClinicalTokenClient({ ...credentials, baseUrl: `http://127.0.0.1:${PORT}`, scope: "system/Patient.rs" });
  const steps: Step[] = [];
  const startups: number[] = [];
  try {
    // Warm-up, not recorded: the first step after start pays for JIT and PostgreSQL's cache (on
    // 2026-12-03 it read 2,147 req/s with 1 worker, then 4,958 with 1 worker two steps later).
    await control("PUT", "/cluster/workers", { workers: 2 });
    for (const w of WORKLOADS) await measure(w);
    // Pairs of adjacent steps (1 worker, then 2): the machine's drift over minutes lands on both
    // halves of a pair alike, so each pair's ratio is compared, not steps minutes apart.
    for (let pair = 1; pair <= PAIRS; pair++) {
      for (const workers of [1, 2]) {
        const r = await control("PUT", "/cluster/workers", { workers });
        if (r.ok === false) throw new Error(`could not scale to ${workers}: ${r.error}`);
        startups.push(...(r.startedMs ?? []));
        for (const w of WORKLOADS) {
          const before = { service: treeCpuMs(cluster.pid!), postgres: commandCpuMs("postgres"), machine: machineTicks(), at: performance.now() };
          const m = await measure(w);
          const after = machineTicks();
          const ms = performance.now() - before.at;
          const cpu = { serviceCores: (treeCpuMs(cluster.pid!) - before.service) / ms, postgresCores: (commandCpuMs("postgres") - before.postgres) / ms, machineBusy: (after.busy - before.machine.busy) / Math.max(1, after.total - before.machine.total) };
          steps.push({ pair, workload: w.key, workers, ...m, ...cpu });
          console.log(`pair ${pair}, ${w.key}, ${workers} worker(s): ${m.reqPerSec.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, non-2xx ${m.non2xx}; service ${cpu.serviceCores.toFixed(2)} cores, PostgreSQL ${cpu.postgresCores.toFixed(2)}, machine ${(cpu.machineBusy * 100).toFixed(0)}% busy`);
        }
      }
    }
  } finally {
    await stop(cluster);
  }
  // the primary's first worker is not timed by the control call: time it from the second start
  const startupSeconds = startups.length ? startups.reduce((a, b) => a + b, 0) / startups.length / 1000 : DEFAULT_CLUSTER_PARAMS.startupSeconds;
  const effect = WORKLOADS.map((w) => workerEffect(w.key, w.name, steps.filter((s) => s.workload === w.key)));
  for (const e of effect) console.log(`${e.workload}: 1 worker ${e.oneWorker.toFixed(0)} req/s, 2 workers ${e.twoWorkers.toFixed(0)} req/s; pair ratios median ×${e.medianRatio.toFixed(2)}, 2 workers faster in ${e.wins} of ${e.pairs} pairs (sign test p = ${e.p.toFixed(3)}) → ${e.measured ? "measured change" : "no measured change"}`);
  // the simulator's per-replica capacity is the patient read's (the request mix it replays)
  const capacity = effect.find((e) => e.workload === "read")!.oneWorker;
  const params = { ...DEFAULT_CLUSTER_PARAMS, perReplicaCapacityRps: capacity, startupSeconds };
  const t0 = performance.now();
  const sim = await evaluateHeldOut(hospitalForCapacity(capacity), params);
  const simMs = performance.now() - t0;
  const rows = sim.results.map((x) => ({ policy: x.policy, underProvisionedMinutes: x.underProvisionedMinutes, replicaHours: x.replicaHours, cost: x.cost }));
  for (const r of rows) console.log(`${r.policy}: ${r.underProvisionedMinutes} under-provisioned min, ${r.replicaHours.toFixed(1)} replica-h, $${r.cost.toFixed(2)}`);
  console.log(`goal: ${(sim.goal.underReduction * 100).toFixed(0)}% fewer under-provisioned minutes at ${(sim.goal.replicaHoursRatio * 100).toFixed(1)}% replica-hours → ${sim.goal.met ? "met" : "not met"}`);

  const at = new Date().toISOString();
  const note = `Load average (1 min) at the start: ${loadAtStart.toFixed(2)}, at the end: ${loadavg()[0]!.toFixed(2)}. The service, PostgreSQL and autocannon share the machine's cores, so two workers cannot double throughput here; compare adjacent pairs of steps (after one unrecorded warm-up step per workload).`;
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/scaling.json", JSON.stringify({ at, machine: machine(), note, durationS: DURATION_S, pairs: PAIRS, connections: CONNECTIONS, workloads: WORKLOADS.map((w) => ({ key: w.key, name: w.name })), live: steps, effect, startupMs: startups, params, simulation: { source: "synthetic", seed: SIMULATION_SEEDS.report, trainingWeeks: sim.trainingWeeks, forecaster: sim.forecaster, computeMs: simMs, rows, goal: sim.goal, schedules: sim.schedules } }, null, 2) + "\n");
  const md = [
    `# Scaling benchmark (${at})`, "", `Machine: ${machine()}. ${note}`, "",
    `## Live: clinical service as a node:cluster, ${CONNECTIONS} connections, ${DURATION_S} s per step (cache off, PostgreSQL, 1,000 patients)`, "",
    "| Pair | Workload | Workers | req/s | p50 ms | p90 ms | p99 ms | service CPU (cores) | machine busy | non-2xx | errors |", "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...steps.map((s) => `| ${s.pair} | ${s.workload} | ${s.workers} | ${s.reqPerSec.toFixed(0)} | ${s.p50} | ${s.p90} | ${s.p99} | ${s.serviceCores.toFixed(2)} | ${(s.machineBusy * 100).toFixed(0)}% | ${s.non2xx} | ${s.errors} |`), "",
    `| Workload | 1 worker (mean req/s) | 2 workers (mean req/s) | median of pair ratios (2 ÷ 1) | pairs where 2 workers were faster | sign test p | service CPU, 1 → 2 workers (cores) | PostgreSQL CPU (cores) | machine busy | change |`, "|---|---:|---:|---:|---:|---:|---|---|---|---|",
    ...effect.map((e) => `| ${e.name} | ${e.oneWorker.toFixed(0)} | ${e.twoWorkers.toFixed(0)} | ${e.medianRatio.toFixed(2)} | ${e.wins} of ${e.pairs} | ${e.p.toFixed(3)} | ${e.cpu[0]!.serviceCores.toFixed(2)} → ${e.cpu[1]!.serviceCores.toFixed(2)} | ${e.cpu[0]!.postgresCores.toFixed(2)} → ${e.cpu[1]!.postgresCores.toFixed(2)} | ${(e.cpu[0]!.machineBusy * 100).toFixed(0)}% → ${(e.cpu[1]!.machineBusy * 100).toFixed(0)}% | ${e.measured ? "**measured**" : "none measured"} |`), "",
    `A change counts as measured when the one-sided sign test over the pairs gives p ≤ ${SIGN_TEST_ALPHA} (2 workers faster in at least 7 of 8 pairs). A second worker can add at most what the machine has left: with one worker, its core is full and the rest of the machine is shared by PostgreSQL and autocannon (the CPU columns).`, "",
    `Measured worker start-up (fork → listening, under tsx): ${startups.map((s) => `${(s / 1000).toFixed(1)} s`).join(", ") || "—"}.`, "",
    `## Simulator: held-out week of the synthetic hospital (seed ${SIMULATION_SEEDS.report}; fitted on ${sim.trainingWeeks} earlier weeks; forecaster ${sim.forecaster})`, "",
    `Per-replica capacity ${capacity.toFixed(0)} req/s (mean of the patient read's 1-worker steps above), start-up ${startupSeconds.toFixed(1)} s (measured above), price $${params.pricePerReplicaHour}/replica-hour (default price).`, "",
    "| Policy | Under-provisioned minutes | Replica-hours | Cost (USD) |", "|---|---:|---:|---:|",
    ...rows.map((r) => `| ${r.policy} | ${r.underProvisionedMinutes} | ${r.replicaHours.toFixed(1)} | ${r.cost.toFixed(2)} |`), "",
    `Goal (≥ 50% fewer under-provisioned minutes than HPA at ≤ 105% of its replica-hours): Vigil ${(sim.goal.underReduction * 100).toFixed(0)}% fewer at ${(sim.goal.replicaHoursRatio * 100).toFixed(1)}% → **${sim.goal.met ? "met" : "not met"}**.`, "",
  ].join("\n");
  writeFileSync("bench/results/scaling.md", md);
  console.log(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
