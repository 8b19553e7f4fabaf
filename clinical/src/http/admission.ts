import type { FastifyInstance } from "fastify";
import type { AdmissionController } from "@/core/engines/admission/admission-controller";
import { ClinicalError } from "../errors";
import type { AdmissionMetrics } from "../metrics/admission-metrics";
import { routeTemplate } from "../metrics/instrument";
import { priorityOf } from "../metrics/priority";

/** Seconds a client is asked to wait after a concurrency rejection: one limit re-measurement is ~0.1 s, so 1 s is plenty. */
const OVERLOAD_RETRY_AFTER_S = "1";

/**
 * Adaptive admission control (core/engines/admission): emergency alerts are always admitted in
 * their own partition; other classes are shed lowest-criticality first with 429 + Retry-After
 * as an OperationOutcome. Health, metrics and admin routes are exempt. A slot is released when
 * the response closes (finished or aborted); only completed non-5xx answers feed the latency.
 */
export function admissionControl(app: FastifyInstance, admission: AdmissionController, metrics: AdmissionMetrics): void {
  app.addHook("onRequest", (req, reply, done) => {
    const cls = priorityOf(routeTemplate(req));
    if (cls === "system") return done();
    const ticket = admission.tryAcquire(cls, performance.now(), routeTemplate(req));
    if (!ticket) {
      metrics.rejected.inc({ class: cls, reason: "concurrency" });
      reply.header("retry-after", OVERLOAD_RETRY_AFTER_S);
      return done(new ClinicalError("LIMIT_EXCEEDED", "The service is at capacity for this kind of request; retry in a second."));
    }
    const res = reply.raw;
    res.once("close", () => admission.release(ticket, performance.now(), res.writableFinished && res.statusCode < 500));
    done();
  });
}
