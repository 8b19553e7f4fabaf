import type { FastifyReply } from "fastify";
import type { IssueCode } from "../errors";

export type { IssueCode };

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
