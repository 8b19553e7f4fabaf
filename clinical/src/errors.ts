import type { IssueCode } from "./fhir/operation-outcome";

export type ClinicalErrorCode = "INVALID_INPUT" | "NOT_FOUND" | "UNPROCESSABLE" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE" | "OVERLOADED" | "RATE_LIMITED" | "UNAVAILABLE" | "UNAUTHORIZED" | "CONFLICT";

/** HTTP status and FHIR issue code for each error; the error handler reads this table. */
export const ERROR_MAPPING: Record<ClinicalErrorCode, { status: number; issue: IssueCode }> = {
  INVALID_INPUT: { status: 400, issue: "invalid" },
  NOT_FOUND: { status: 404, issue: "not-found" },
  UNPROCESSABLE: { status: 422, issue: "processing" },
  OVERLOADED: { status: 429, issue: "throttled" },
  RATE_LIMITED: { status: 429, issue: "throttled" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, issue: "not-supported" },
  PAYLOAD_TOO_LARGE: { status: 413, issue: "too-long" },
  UNAVAILABLE: { status: 503, issue: "transient" },
  UNAUTHORIZED: { status: 401, issue: "security" },
  CONFLICT: { status: 409, issue: "conflict" },
};

/** Messages must never contain a patient identifier: they reach clients and logs. */
export class ClinicalError extends Error {
  constructor(readonly code: ClinicalErrorCode, message: string) {
    super(message);
    this.name = "ClinicalError";
  }
}
