import type { FastifyReply } from "fastify";

/** FHIR R4 issue-type codes used by this service. */
export type IssueCode = "invalid" | "not-found" | "not-supported" | "too-long" | "throttled" | "transient" | "exception" | "processing" | "security" | "conflict";

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

export interface OperationOutcome {
  resourceType: "OperationOutcome";
  issue: { severity: "error" | "fatal" | "warning"; code: IssueCode; diagnostics: string }[];
}

export function operationOutcome(code: IssueCode, diagnostics: string, severity: "error" | "fatal" = "error"): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity, code, diagnostics }] };
}

export function sendOutcome(reply: FastifyReply, status: number, code: IssueCode, diagnostics: string): FastifyReply {
  return reply.code(status).type(FHIR_JSON).send(operationOutcome(code, diagnostics));
}
