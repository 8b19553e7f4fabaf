import type { FastifyError, FastifyInstance } from "fastify";
import { ClinicalError, ERROR_MAPPING } from "../errors";
import { isDatabaseUnavailable } from "../db/unavailable";
import { sendOutcome, type IssueCode } from "../fhir/operation-outcome";
import { routeTemplate } from "../metrics/instrument";
import type { ClinicalMetrics } from "../metrics/registry";
import { requestSummary } from "./logging";

/** Fastify's own error codes that are the client's fault, with their FHIR translation. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; issue: IssueCode; text: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, issue: "not-supported", text: "Unsupported Content-Type; send application/fhir+json." },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, issue: "too-long", text: "Request body too large." },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, issue: "invalid", text: "Request body is empty." },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, issue: "invalid", text: "Request body is not valid JSON." },
};

/** Every error leaves as a FHIR OperationOutcome; unexpected ones as a generic 500. */
export function registerErrorHandling(app: FastifyInstance, metrics: ClinicalMetrics): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = 500;
    let issue: IssueCode = "exception";
    let text = "Internal error; the incident has been logged.";
    if (err instanceof ClinicalError) {
      ({ status, issue } = ERROR_MAPPING[err.code]);
      text = err.message;
    } else if (err.code && FASTIFY_CLIENT_ERRORS[err.code]) {
      ({ status, issue, text } = FASTIFY_CLIENT_ERRORS[err.code]!);
    } else if (isDatabaseUnavailable(err)) {
      ({ status, issue, text } = { status: 503, issue: "transient", text: "The clinical database is unavailable; retry shortly." });
      reply.header("retry-after", "5");
      req.log.warn({ ...requestSummary(req, reply), err: { type: err.name, code: err.code } }, "database unavailable");
    } else if (err.validation) {
      ({ status, issue, text } = { status: 400, issue: "invalid", text: "Invalid request parameters." });
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      ({ status, issue, text } = { status: err.statusCode, issue: "processing", text: "The request could not be processed." });
    } else {
      // The message and stack may quote SQL parameters: log only the error class and code.
      req.log.error({ ...requestSummary(req, reply), err: { type: err.name, code: err.code } }, "unhandled error");
    }
    metrics.errors.inc({ route: routeTemplate(req), issue });
    return sendOutcome(reply, status, issue, text);
  });
  app.setNotFoundHandler((req, reply) => {
    metrics.errors.inc({ route: "unmatched", issue: "not-found" });
    return sendOutcome(reply, 404, "not-found", "No such endpoint.");
  });
  app.addHook("onResponse", (req, reply, done) => {
    req.log.info(requestSummary(req, reply), "request completed");
    done();
  });
}
