import type { FastifyInstance, FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyInstance {
    publicBaseUrl: string;
  }
}

/** Where clients reach the service when CLINICAL_PUBLIC_URL is not set. */
export const DEFAULT_PUBLIC_URL = "http://127.0.0.1:4000";

/**
 * The service's public base URL, configured (CLINICAL_PUBLIC_URL), never taken from the
 * request's Host header: a client-chosen Host would otherwise put its own host name into
 * Bundle links and Location headers that other systems follow.
 */
export function usePublicBaseUrl(app: FastifyInstance, publicUrl: string | undefined): void {
  app.decorate("publicBaseUrl", (publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, ""));
}

/** Absolute base for Bundle links and Location headers. */
export function baseUrl(req: FastifyRequest): string {
  return req.server.publicBaseUrl;
}
