/**
 * `npm run bench:clinical`: throughput and latency of each clinical endpoint with autocannon,
 * on 1,000 and 100,000 seeded patients (PostgreSQL), next to a bare Fastify route in the same
 * run. The service and the baseline run in child processes; autocannon runs here.
 * Needs BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { mulberry32 } from "../clinical/src/seed/prng";
import { ENDPOINTS, type Endpoint } from "./endpoints";
import { databaseIdle, dbUrl, ensureDatabase, machine, startServer, stop } from "./support";

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DATASETS = [1_000, 100_000];
const PORT = 4900;
const BARE_PORT = 4901;

interface Row { dataset: string; endpoint: string; reqPerSec: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }

async function measure(port: number, ep: Endpoint, patients: number): Promise<Omit<Row, "dataset" | "endpoint">> {
  const rand = mulberry32(patients);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    // Longer than the service's 10 s statement timeout, so slow queries show as latency or 503s.
    timeout: 20,
    requests: [{
      method: ep.method,
      headers: ep.body ? { "content-type": "application/fhir+json" } : {},
      setupRequest: (req) => ({ ...req, path: ep.path(rand, patients), ...(ep.body ? { body: ep.body } : {}) }),
    }],
  });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const bare = await startServer(["bench/bare-fastify.ts", String(BARE_PORT)], {}, `http://127.0.0.1:${BARE_PORT}/constant`);
  const ceiling = await measure(BARE_PORT, { name: "bare", method: "GET", path: () => "/constant" }, 1);
  rows.push({ dataset: "-", endpoint: "bare Fastify, constant JSON (ceiling)", ...ceiling });
  await stop(bare);
  for (const patients of DATASETS) {
    await ensureDatabase(patients);
    const svc = await startServer(["clinical/src/server.ts"], { CLINICAL_DATABASE_URL: dbUrl(patients), CLINICAL_PORT: String(PORT), LOG_LEVEL: "warn", CLINICAL_ADMISSION: "off", CLINICAL_RATE_LIMIT: "off", CLINICAL_AUTH: "off" }, `http://127.0.0.1:${PORT}/health`);
    for (const ep of ENDPOINTS) {
      await databaseIdle(dbUrl(patients));
      const m = await measure(PORT, ep, patients);
      rows.push({ dataset: `${patients.toLocaleString("en")} patients`, endpoint: ep.name, ...m });
      console.log(`${patients} ${ep.name}: ${m.reqPerSec.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, non-2xx ${m.non2xx}`);
    }
    await stop(svc);
  }
  const stamp = new Date().toISOString();
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/clinical.json", JSON.stringify({ stamp, machine: machine(), durationS: DURATION_S, connections: CONNECTIONS, rows }, null, 2) + "\n");
  const table = [
    `Measured ${stamp} on ${machine()}; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per row; PostgreSQL 15, primary keys only (no tuning yet).`,
    "",
    "| data set | endpoint | req/s | p50 ms | p99 ms | non-2xx | errors |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.dataset} | ${r.endpoint} | ${r.reqPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`),
  ].join("\n");
  writeFileSync("bench/results/clinical.md", table + "\n");
  console.log(`\n${table}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
