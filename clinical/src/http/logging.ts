import type { FastifyReply, FastifyRequest } from "fastify";
import type { LoggerOptions } from "pino";
import { routeTemplate } from "../metrics/instrument";

/**
 * Log lines carry the route template, never the URL (it holds patient ids), and no headers
 * but a few harmless ones. Anything shaped like a credential is redacted as a second guard.
 */
export function logOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token"], censor: "[redacted]" },
  };
}

export function requestSummary(req: FastifyRequest, reply: FastifyReply) {
  return {
    method: req.method,
    route: routeTemplate(req),
    statusCode: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 100) / 100,
  };
}
