import type { FastifyInstance } from "fastify";

/** What a worker tells the primary once per second (no routes, no identifiers). */
export type LoadReport = { type: "vigil-load"; pid: number; requests: number; inFlight: number; p95Ms: number | null; cpuPercent: number };

export const REPORT_INTERVAL_MS = 1000;

/**
 * Counts this worker's requests, in-flight requests and latencies, and sends a report to the
 * cluster primary every second over IPC. Hooks are added before the app starts listening.
 */
export function reportLoad(app: FastifyInstance, send: (r: LoadReport) => void): () => void {
  let requests = 0;
  let inFlight = 0;
  let durations: number[] = [];
  app.addHook("onRequest", async () => {
    inFlight++;
  });
  app.addHook("onResponse", async (_req, reply) => {
    inFlight--;
    requests++;
    if (durations.length < 50_000) durations.push(reply.elapsedTime);
  });
  let cpu = process.cpuUsage();
  let at = process.hrtime.bigint();
  const timer = setInterval(() => {
    const nextCpu = process.cpuUsage();
    const now = process.hrtime.bigint();
    const cpuMicros = nextCpu.user - cpu.user + nextCpu.system - cpu.system;
    const wallMicros = Number(now - at) / 1000;
    const sorted = durations.sort((a, b) => a - b);
    send({ type: "vigil-load", pid: process.pid, requests, inFlight, p95Ms: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))]! : null, cpuPercent: (100 * cpuMicros) / wallMicros });
    requests = 0;
    durations = [];
    cpu = nextCpu;
    at = now;
  }, REPORT_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
