/** One measured step of the live scaler benchmark: a workload at 1 or 2 workers, with the CPU it took. */
export interface Step {
  pair: number;
  workload: string;
  workers: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU the service (primary and workers) used during the step, in cores. */
  serviceCores: number;
  postgresCores: number;
  /** The whole machine's busy share during the step (0-1). */
  machineBusy: number;
}

/** The one-sided sign-test significance a "2 workers faster" count needs to count as a measured change (5%). */
export const SIGN_TEST_ALPHA = 0.05;

/** P(X ≥ wins) for X ~ Binomial(n, ½): the chance of at least this many "faster" pairs if a second worker changed nothing. */
export function signTestP(wins: number, n: number): number {
  let p = 0;
  for (let k = wins; k <= n; k++) p += binomial(n, k) / 2 ** n;
  return p;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * What a second worker changed for one workload: each pair's 2-worker step over its 1-worker
 * step (adjacent in time), their median, and how many pairs went up, with the sign test's p.
 */
export function workerEffect(workload: string, name: string, steps: Step[]) {
  const pairs = [...new Set(steps.map((s) => s.pair))].map((pair) => ({
    one: steps.find((s) => s.pair === pair && s.workers === 1)!,
    two: steps.find((s) => s.pair === pair && s.workers === 2)!,
  })).filter((x) => x.one && x.two);
  const ratios = pairs.map((x) => x.two.reqPerSec / x.one.reqPerSec);
  const wins = ratios.filter((r) => r > 1).length;
  const p = signTestP(wins, pairs.length);
  const ofWorkers = (n: 1 | 2) => pairs.map((x) => (n === 1 ? x.one : x.two));
  return {
    workload, name, pairs: pairs.length, wins, p, measured: pairs.length > 0 && p <= SIGN_TEST_ALPHA,
    oneWorker: mean(ofWorkers(1).map((s) => s.reqPerSec)), twoWorkers: mean(ofWorkers(2).map((s) => s.reqPerSec)),
    medianRatio: median(ratios), ratios,
    cpu: ([1, 2] as const).map((n) => ({ workers: n, serviceCores: mean(ofWorkers(n).map((s) => s.serviceCores)), postgresCores: mean(ofWorkers(n).map((s) => s.postgresCores)), machineBusy: mean(ofWorkers(n).map((s) => s.machineBusy)) })),
  };
}
