/**
 * What a run's load models and its iterations exchange: one request's outcome and the
 * iteration's shape. Its own module so the models and the recorder depend on it, not on each other.
 */

/**
 * `status`: an HTTP error status where any 2xx/3xx was expected (ad-hoc runs);
 * `check`: the server answered, but not with the status or shape the scenario step expects.
 */
export type ErrorKind = "timeout" | "connection" | "status" | "check" | "other";

/** Records one request of an iteration; `startedAt` is when its latency clock started. */
export type StepRecorder = (endpoint: string, startedAt: number, status: number | null, error: ErrorKind | null) => void;

/**
 * One iteration: a single request, or a journey of steps. In open-model runs `scheduledAt` is
 * the planned start, which the first request must use as its latency start.
 */
export type IterationContext = { scheduledAt: number | null; record: StepRecorder; signal: AbortSignal };
export type Iteration = ((ctx: IterationContext) => Promise<void>) & {
  /**
   * The same iteration in callback form, when it has one (single requests): the closed loop
   * chains it without a promise per request, which is what lets it keep up with autocannon.
   */
  direct?: (ctx: IterationContext, done: () => void) => void;
};
