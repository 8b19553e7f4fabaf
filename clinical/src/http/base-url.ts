import type { FastifyRequest } from "fastify";

/** Absolute base for Bundle links, from the Host the client used (Fastify validates it). */
export function baseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}
