import { Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface ConsoleMetrics {
  registry: Registry;
  httpDuration: Histogram<"route" | "method" | "status_code">;
}

// Seconds; spans a fast static asset (~1 ms) to a slow server render (>5 s).
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const KEY = Symbol.for("vigil.consoleMetrics");
type Holder = { [KEY]?: ConsoleMetrics };

/**
 * One registry per process, kept on globalThis because the HTTP server and Next's bundled
 * route handlers load this module separately but must share the same series.
 */
export function consoleMetrics(): ConsoleMetrics {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "vigil_console_" });
  const httpDuration = new Histogram({
    name: "vigil_console_http_request_duration_seconds",
    help: "Console HTTP request duration by route template (never a raw path), method and status.",
    labelNames: ["route", "method", "status_code"] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  holder[KEY] = { registry, httpDuration };
  return holder[KEY];
}
