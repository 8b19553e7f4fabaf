import type { FastifyRequest } from "fastify";

const CLIENT = Symbol("apiClient");
type WithClient = FastifyRequest & { [CLIENT]?: string };

/** Records the authenticated client of a request (require-token.ts). */
export function setRequestClient(req: FastifyRequest, clientId: string): void {
  (req as WithClient)[CLIENT] = clientId;
}

/** The client id a verified bearer token named, or undefined (no auth, or not a /fhir route). */
export function requestClient(req: FastifyRequest): string | undefined {
  return (req as WithClient)[CLIENT];
}
