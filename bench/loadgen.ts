/**
 * `npm run bench:loadgen`: Vigil's load engine against autocannon on the same plain node:http
 * server (its own process, loopback), in one run: closed-loop req/s at the same connection
 * count in interleaved rounds (this VM's speed drifts, so one pair of numbers proves little),
 * then constant arrival rates at 50/80/90% of Vigil's median maximum, counting late starts.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import autocannon from "autocannon";
import { rawGetTarget } from "@/core/engines/loadgen/raw-http";
import { runLoad } from "@/core/engines/loadgen/run";
import { singleRequest } from "@/core/engines/loadgen/single-request";
import { waitForHttp } from "../scripts/wait-for-http";

const PORT = 4950;
const URL_ = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
// Unrecorded lead-in before each measured row: without it the first second of a fresh pool is
// spent in JIT warm-up and shows as a ~300 ms stall (measured while building this bench).
const WARMUP_S = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const server = spawn(process.execPath, ["--import", "tsx", "bench/plain-http.ts", String(PORT)], { stdio: "inherit" });
  try {
    await waitForHttp(URL_, 20_000);
    const rounds: { autocannonRps: number; vigilRps: number; ratio: number; acP99: number; vigilP99: number }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await autocannon({ url: URL_, connections: CONNECTIONS, duration: WARMUP_S });
      const ac = await autocannon({ url: URL_, connections: CONNECTIONS, duration: DURATION_S });
      const target = rawGetTarget(URL_, { connections: CONNECTIONS });
      await runLoad({ kind: "closed", startVUs: CONNECTIONS, stages: [{ durationS: WARMUP_S, target: CONNECTIONS }] }, singleRequest(target), []);
      const closed = await runLoad({ kind: "closed", startVUs: CONNECTIONS, stages: [{ durationS: DURATION_S, target: CONNECTIONS }] }, singleRequest(target), []);
      await target.close();
      rounds.push({ autocannonRps: ac.requests.average, vigilRps: closed.throughput, ratio: closed.throughput / ac.requests.average, acP99: ac.latency.p99, vigilP99: closed.latencyMs.p99 });
      console.log(`round ${round}: autocannon ${ac.requests.average.toFixed(0)} req/s, vigil ${closed.throughput.toFixed(0)} req/s, ratio ${(closed.throughput / ac.requests.average).toFixed(2)}`);
    }
    const autocannonRps = median(rounds.map((r) => r.autocannonRps));
    const vigilRps = median(rounds.map((r) => r.vigilRps));
    const ratio = median(rounds.map((r) => r.ratio));

    const open = [];
    for (const share of [0.5, 0.8, 0.9]) {
      const rate = Math.floor(vigilRps * share);
      const t = rawGetTarget(URL_, { connections: CONNECTIONS * 2 });
      await runLoad({ kind: "open", startRate: rate, stages: [{ durationS: WARMUP_S, target: rate }], maxInFlight: 2000 }, singleRequest(t), []);
      const r = await runLoad({ kind: "open", startRate: rate, stages: [{ durationS: DURATION_S, target: rate }], maxInFlight: 2000 }, singleRequest(t), []);
      await t.close();
      open.push({ share, rate, planned: r.planned, requests: r.requests, late: r.late, lateShare: r.late / r.planned, dropped: r.dropped, p50: r.latencyMs.p50, p99: r.latencyMs.p99, achieved: r.throughput });
      console.log(`open model ${rate} req/s (${share * 100}%): late ${(100 * r.late / r.planned).toFixed(3)}%, dropped ${r.dropped}, p99 ${r.latencyMs.p99} ms`);
    }
    const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
    const stamp = new Date().toISOString();
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/loadgen.json", JSON.stringify({ stamp, machine, connections: CONNECTIONS, durationS: DURATION_S, rounds, autocannonRps, vigilClosedRps: vigilRps, ratio, open }, null, 2) + "\n");
    const md = [
      `Measured ${stamp} on ${machine}; plain node:http server in its own process; ${CONNECTIONS} connections; ${DURATION_S} s per measurement after a ${WARMUP_S} s unrecorded warm-up (each tool); generator and server share the 2 cores.`,
      "",
      `Closed loop, ${ROUNDS} interleaved rounds (median ratio **${ratio.toFixed(2)}×** autocannon):`,
      "",
      "| round | autocannon 9 req/s | Vigil req/s | ratio | autocannon p99 ms | Vigil p99 ms |",
      "|---:|---:|---:|---:|---:|---:|",
      ...rounds.map((r, i) => `| ${i + 1} | ${r.autocannonRps.toFixed(0)} | ${r.vigilRps.toFixed(0)} | ${r.ratio.toFixed(2)} | ${r.acP99} | ${r.vigilP99} |`),
      "",
      `Open model (constant arrival rate) at shares of Vigil's median maximum (${vigilRps.toFixed(0)} req/s):`,
      "",
      "| mode | offered | achieved req/s | late starts | dropped | p50 ms | p99 ms |",
      "|---|---:|---:|---:|---:|---:|---:|",
      ...open.map((o) => `| Vigil open model (${o.share * 100}% of max) | ${o.rate}/s | ${o.achieved.toFixed(0)} | ${o.late} (${(o.lateShare * 100).toFixed(3)}%) | ${o.dropped} | ${o.p50} | ${o.p99} |`),
    ].join("\n");
    writeFileSync("bench/results/loadgen.md", md + "\n");
    console.log(`\n${md}`);
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
