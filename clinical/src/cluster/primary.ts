import cluster, { type Worker } from "node:cluster";
import type { LoadReport } from "./load-report";

/** Named defaults: how long a new worker may take to listen, and how much load history the state averages. */
// Measured here: a worker needs ~15 s to start under tsx on the shared, loaded 2-core machine.
export const WORKER_START_TIMEOUT_MS = 60_000;
export const WORKER_STOP_TIMEOUT_MS = 5_000;
export const METRICS_WINDOW_MS = 5_000;

export type ClusterMetrics = { rps: number; inFlight: number; p95Ms: number | null; cpuPercent: number | null };
export type ClusterState = {
  workers: number;
  maxWorkers: number;
  database: "postgres" | "pglite";
  metrics: ClusterMetrics;
  /** Measured start-up of the most recent workers (fork → listening), ms. */
  startupMs: number[];
};
export type ScaleOutcome = { ok: true; workers: number; startedMs: number[] } | { ok: false; workers: number; error: string };

export type PrimaryOptions = {
  initialWorkers: number;
  maxWorkers: number;
  database: "postgres" | "pglite";
  /** Test hook: the script workers run (default: the cluster entry, as forked by Node). */
  exec?: string;
  execArgv?: string[];
  /** Extra environment for workers (tests; production workers inherit the primary's). */
  env?: Record<string, string>;
  log?: (msg: string) => void;
};

/**
 * The cluster primary: keeps N workers listening on the shared port, gathers their load reports,
 * and changes N on request. A worker that fails to start is stopped and reported; the workers
 * already running are kept. PGlite is single-process, so with it N stays 1.
 */
export function startPrimary(opts: PrimaryOptions) {
  const log = opts.log ?? (() => {});
  if (opts.exec) cluster.setupPrimary({ exec: opts.exec, execArgv: opts.execArgv ?? process.execArgv });
  const live = new Set<Worker>();
  const starting = new Set<Worker>();
  const reports: { at: number; r: LoadReport }[] = [];
  let startupMs: number[] = [];
  let stopping = false;

  cluster.on("message", (_w, msg: LoadReport) => {
    if (msg?.type !== "vigil-load") return;
    const now = Date.now();
    reports.push({ at: now, r: msg });
    while (reports.length && reports[0]!.at < now - METRICS_WINDOW_MS) reports.shift();
  });

  function startWorker(): Promise<{ worker: Worker; ms: number } | { error: string }> {
    const t0 = performance.now();
    const worker = cluster.fork(opts.env);
    starting.add(worker);
    return new Promise((resolve) => {
      const timer = setTimeout(() => fail(`worker did not listen within ${WORKER_START_TIMEOUT_MS} ms`), WORKER_START_TIMEOUT_MS);
      const fail = (error: string) => {
        clearTimeout(timer);
        starting.delete(worker);
        worker.removeAllListeners();
        if (!worker.isDead()) worker.process.kill("SIGKILL");
        resolve({ error });
      };
      worker.once("listening", () => {
        if (stopping) return fail("the primary is stopping");
        clearTimeout(timer);
        starting.delete(worker);
        worker.removeAllListeners("exit");
        live.add(worker);
        worker.once("exit", (code) => onUnexpectedExit(worker, code));
        resolve({ worker, ms: performance.now() - t0 });
      });
      worker.once("exit", (code, signal) => fail(`worker exited before listening (code ${code}, signal ${signal ?? "none"})`));
      worker.once("error", (err) => fail(`worker failed: ${err.message}`));
    });
  }

  function onUnexpectedExit(worker: Worker, code: number | null) {
    if (!live.delete(worker) || stopping) return;
    log(`worker ${worker.process.pid} exited (code ${code}); starting a replacement`);
    void startWorker();
  }

  function stopWorker(worker: Worker): Promise<void> {
    live.delete(worker);
    return new Promise((resolve) => {
      if (worker.isDead()) return resolve();
      const timer = setTimeout(() => worker.process.kill("SIGKILL"), WORKER_STOP_TIMEOUT_MS);
      worker.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      worker.process.kill("SIGTERM");
    });
  }

  async function setWorkers(n: number): Promise<ScaleOutcome> {
    const current = live.size;
    if (!Number.isInteger(n) || n < 1) return { ok: false, workers: current, error: `invalid worker count ${n}` };
    if (n > 1 && opts.database === "pglite") return { ok: false, workers: current, error: "the embedded PGlite database is single-process: live scaling needs CLINICAL_DATABASE_URL (PostgreSQL)" };
    if (n > opts.maxWorkers) return { ok: false, workers: current, error: `at most ${opts.maxWorkers} workers on this machine` };
    if (n < current) {
      const newestFirst = [...live].reverse().slice(0, current - n);
      await Promise.all(newestFirst.map(stopWorker));
      return { ok: true, workers: live.size, startedMs: [] };
    }
    const started = await Promise.all(Array.from({ length: n - current }, startWorker));
    const failures = started.filter((s): s is { error: string } => "error" in s);
    if (failures.length) {
      // all or nothing: the service keeps the workers it had
      await Promise.all(started.filter((s): s is { worker: Worker; ms: number } => "worker" in s).map((s) => stopWorker(s.worker)));
      return { ok: false, workers: live.size, error: failures[0]!.error };
    }
    const ms = started.map((s) => (s as { ms: number }).ms);
    startupMs = [...startupMs, ...ms].slice(-10);
    return { ok: true, workers: live.size, startedMs: ms };
  }

  function state(): ClusterState {
    const now = Date.now();
    const recent = reports.filter((x) => x.at >= now - METRICS_WINDOW_MS);
    const seconds = METRICS_WINDOW_MS / 1000;
    const latestByPid = new Map<number, LoadReport>();
    for (const x of recent) latestByPid.set(x.r.pid, x.r);
    const p95s = recent.map((x) => x.r.p95Ms).filter((v): v is number => v !== null);
    const cpus = [...latestByPid.values()].map((r) => r.cpuPercent);
    return {
      workers: live.size,
      maxWorkers: opts.maxWorkers,
      database: opts.database,
      metrics: {
        rps: recent.reduce((s, x) => s + x.r.requests, 0) / seconds,
        inFlight: [...latestByPid.values()].reduce((s, r) => s + r.inFlight, 0),
        p95Ms: p95s.length ? Math.max(...p95s) : null,
        cpuPercent: cpus.length ? cpus.reduce((a, b) => a + b, 0) / cpus.length : null,
      },
      startupMs,
    };
  }

  async function stop(): Promise<void> {
    stopping = true;
    await Promise.all([...live].map(stopWorker));
    // workers still starting are killed as they report in (or time out)
    for (const w of starting) if (!w.isDead()) w.process.kill("SIGKILL");
  }

  const ready = setWorkers(Math.min(opts.initialWorkers, opts.database === "pglite" ? 1 : opts.maxWorkers));
  return { ready, setWorkers, state, stop };
}

export type Primary = ReturnType<typeof startPrimary>;
