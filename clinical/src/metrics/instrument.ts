import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ClinicalMetrics } from "./registry";
import { priorityOf } from "./priority";
import { RUN_HEADER, type TrafficKind } from "@/core/engines/loadgen/run-marker";

const STARTED = Symbol("startedAt");
type Timed = FastifyRequest & { [STARTED]?: number };

/** Request decoration holding the matched template once read (see routeTemplate). */
const ROUTE_TEMPLATE = "vigilRouteTemplate";
type WithTemplate = FastifyRequest & { [ROUTE_TEMPLATE]?: string | null };

/**
 * The route template Fastify matched, or "unmatched"; a raw URL never becomes a label. Read once
 * per request: Fastify's `routeOptions` getter builds a twelve-field object on every access, and
 * the metrics, token, rate-limit and admission hooks each ask.
 */
export function routeTemplate(req: FastifyRequest): string {
  const r = req as WithTemplate;
  return (r[ROUTE_TEMPLATE] ??= req.routeOptions.url ?? "unmatched");
}

/** Load tests mark every request (x-vigil-run); the tag itself never becomes a label. */
export function trafficOf(req: FastifyRequest): TrafficKind {
  return req.headers[RUN_HEADER] === undefined ? "real" : "synthetic";
}

export function instrument(app: FastifyInstance, metrics: ClinicalMetrics): void {
  // Declared up front (null), so every request object has the same shape.
  app.decorateRequest(ROUTE_TEMPLATE, null);
  // Callback-style hooks: no promise per request on the hot path.
  app.addHook("onRequest", (req: Timed, _reply, done) => {
    req[STARTED] = performance.now();
    metrics.inFlight.inc();
    done();
  });
  app.addHook("onResponse", (req: Timed, reply, done) => {
    metrics.inFlight.dec();
    const route = routeTemplate(req);
    const seconds = (performance.now() - (req[STARTED] ?? performance.now())) / 1000;
    metrics.httpDuration.observe(
      { route, method: req.method, status_code: String(reply.statusCode), priority_class: priorityOf(route), traffic: trafficOf(req) },
      seconds,
    );
    done();
  });
}
