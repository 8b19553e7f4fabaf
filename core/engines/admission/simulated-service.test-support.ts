import type { AdmissionClass } from "./classes";
import { mulberry32 } from "../random";

/**
 * A simulated clinical service for the admission tests: one processor-sharing CPU (the event
 * loop) that every admitted request shares, then a wait that costs no CPU (the database round
 * trip), driven by open-model Poisson arrivals in 0.1 ms steps (latencies of a few ms need finer time than 1 ms). Rejections cost CPU too, and the
 * CPU's speed can change over time (a CPU hog) and jitter per 10 ms (a scheduler shared with
 * other processes). Everything random comes from one seeded generator, so a trace is repeatable.
 */
export interface SimRoute {
  route: string;
  cls: AdmissionClass;
  /** Share of arrivals (relative weight). */
  weight: number;
  /** CPU work of one request at full speed, ms. */
  cpuMs: number;
  /** Time waiting on the database, using no CPU, ms. */
  waitMs: number;
}

/**
 * The mass-casualty mix (vitals 40, triage 30, alerts 10, lookups 15, census 5): CPU work that
 * differs tenfold between routes and database waits of 5-25 ms, so about twenty requests in
 * flight keep the CPU busy (capacity about 750 requests a second at full speed).
 */
export const MASS_CASUALTY_ROUTES: SimRoute[] = [
  { route: "/fhir/Observation", cls: "clinical-data", weight: 40, cpuMs: 1.2, waitMs: 15 },
  { route: "/fhir/Patient/:id/$triage", cls: "ai-inference", weight: 30, cpuMs: 2, waitMs: 20 },
  { route: "/fhir/Communication", cls: "emergency", weight: 10, cpuMs: 0.6, waitMs: 8 },
  { route: "/fhir/Patient/:id", cls: "patient-data", weight: 15, cpuMs: 0.3, waitMs: 5 },
  { route: "/fhir/Encounter", cls: "clinical-data", weight: 5, cpuMs: 3, waitMs: 25 },
];

export interface SimTicket {
  readonly cls: AdmissionClass;
}

/** What the simulation needs from a controller (AdmissionController, or an older one to compare). */
export interface SimController<T extends SimTicket> {
  tryAcquire(cls: AdmissionClass, now: number, route: string): T | null;
  release(ticket: T, now: number, ok: boolean): void;
  /** The adaptive limit without a probe's pin. */
  readonly steadyLimit: number;
}

export interface SimOptions {
  seconds: number;
  /** Offered arrivals per second. */
  offeredPerS: number;
  /** CPU speed at time t (ms): 1 = one full core; a hog taking half of it makes 0.5. */
  speed: (tMs: number) => number;
  /** CPU cost of answering one rejection with a 429, ms. */
  rejectCpuMs: number;
  /** ± jitter of the CPU speed per 10 ms, as a fraction. */
  jitter: number;
  routes?: SimRoute[];
  seed?: number;
}

export interface SimResult {
  /** The steady (adaptive) limit every 100 ms, with its time in ms. */
  limits: { t: number; limit: number }[];
  /** Successful requests per class. */
  ok: Record<AdmissionClass, number>;
  rejected: Record<AdmissionClass, number>;
}

const STEP_MS = 0.1;
const SPEED_BLOCK_STEPS = 100; // 10 ms
const SAMPLE_EVERY_STEPS = 1000; // 100 ms

export function simulate<T extends SimTicket>(controller: SimController<T>, o: SimOptions): SimResult {
  const routes = o.routes ?? MASS_CASUALTY_ROUTES;
  const rand = mulberry32(o.seed ?? 1);
  const totalWeight = routes.reduce((a, r) => a + r.weight, 0);
  const pick = () => {
    let x = rand() * totalWeight;
    for (const r of routes) if ((x -= r.weight) < 0) return r;
    return routes[routes.length - 1]!;
  };
  const zero = () => ({ emergency: 0, "patient-data": 0, "clinical-data": 0, "ai-inference": 0 });
  const result: SimResult = { limits: [], ok: zero(), rejected: zero() };
  let cpu: { ticket: T; left: number; waitMs: number }[] = [];
  let waiting: { ticket: T; doneAt: number }[] = [];
  const perStep = (o.offeredPerS / 1000) * STEP_MS;
  let speedFactor = 1;
  const steps = Math.round((o.seconds * 1000) / STEP_MS);
  for (let i = 0; i < steps; i++) {
    const t = i * STEP_MS;
    if (i % SPEED_BLOCK_STEPS === 0) speedFactor = 1 + o.jitter * (2 * rand() - 1);
    let rejections = 0;
    for (let n = poisson(perStep, rand); n > 0; n--) {
      const r = pick();
      const ticket = controller.tryAcquire(r.cls, t, r.route);
      if (!ticket) {
        rejections++;
        result.rejected[r.cls]++;
      } else cpu.push({ ticket, left: r.cpuMs * lognormal(rand), waitMs: r.waitMs });
    }
    const available = Math.max(0.005, o.speed(t) * speedFactor * STEP_MS - rejections * o.rejectCpuMs);
    if (cpu.length) {
      const share = available / cpu.length;
      const still: typeof cpu = [];
      for (const job of cpu) {
        job.left -= share;
        if (job.left > 0) still.push(job);
        else waiting.push({ ticket: job.ticket, doneAt: t + STEP_MS + job.waitMs });
      }
      cpu = still;
    }
    if (waiting.length) {
      const still: typeof waiting = [];
      for (const w of waiting) {
        if (w.doneAt <= t + STEP_MS) {
          controller.release(w.ticket, t + STEP_MS, true);
          result.ok[w.ticket.cls]++;
        } else still.push(w);
      }
      waiting = still;
    }
    if (i % SAMPLE_EVERY_STEPS === 0) result.limits.push({ t, limit: controller.steadyLimit });
  }
  return result;
}

/** Knuth's method; fine for the small means of one step. */
function poisson(mean: number, rand: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rand(); p > limit; p *= rand()) k++;
  return k;
}

/** Work varies per request (rows per patient): log-normal with median 1 and σ 0.4 (CV ≈ 0.4). */
function lognormal(rand: () => number): number {
  const u = Math.max(1e-12, rand());
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  return Math.exp(0.4 * z);
}
