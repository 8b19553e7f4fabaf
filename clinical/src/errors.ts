/**
 * FHIR R4 issue-type codes used by this service. Declared here, not in fhir/, so errors.ts
 * imports nothing: fhir/* depends on errors, never the other way (that was an import loop).
 */
export type IssueCode = "invalid" | "not-found" | "not-supported" | "too-long" | "throttled" | "transient" | "exception" | "processing" | "security" | "forbidden" | "conflict";

/**
 * One name per HTTP status across both deployables: a code also used by the console
 * (lib/errors.ts) has the console's name and status; test/errors/error-codes.test.ts checks it.
 */
export type ClinicalErrorCode = "INVALID_INPUT" | "NOT_FOUND" | "UNPROCESSABLE" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE" | "LIMIT_EXCEEDED" | "UNAVAILABLE" | "UNAUTHENTICATED" | "FORBIDDEN" | "CONFLICT";

/** HTTP status and FHIR issue code for each error; the error handler reads this table. */
export const ERROR_MAPPING: Record<ClinicalErrorCode, { status: number; issue: IssueCode }> = {
  INVALID_INPUT: { status: 400, issue: "invalid" },
  NOT_FOUND: { status: 404, issue: "not-found" },
  UNPROCESSABLE: { status: 422, issue: "processing" },
  LIMIT_EXCEEDED: { status: 429, issue: "throttled" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, issue: "not-supported" },
  PAYLOAD_TOO_LARGE: { status: 413, issue: "too-long" },
  UNAVAILABLE: { status: 503, issue: "transient" },
  /** No, or no valid, credentials: a missing, malformed, forged or expired bearer token; a bad admin signature. */
  UNAUTHENTICATED: { status: 401, issue: "security" },
  /** Valid credentials that do not cover the request: a token without the route's SMART scope. */
  FORBIDDEN: { status: 403, issue: "forbidden" },
  CONFLICT: { status: 409, issue: "conflict" },
};

/** Messages must never contain a patient identifier: they reach clients and logs. */
export class ClinicalError extends Error {
  constructor(readonly code: ClinicalErrorCode, message: string) {
    super(message);
    this.name = "ClinicalError";
  }
}
