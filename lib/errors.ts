export type ErrorCode =
  | "INVALID_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "LIMIT_EXCEEDED"
  /** A service this verb depends on (the clinical service) did not answer or refused. */
  | "UNAVAILABLE";

/** A typed error every entry point translates: action result, HTTP status, CLI exit code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 429,
  UNAVAILABLE: 503,
};

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fields?: Record<string, string[]> };

/** Server actions return this instead of throwing, so forms can show the reason. */
export function toActionResult(err: unknown): ActionResult<never> {
  if (err instanceof AppError) {
    return { ok: false, code: err.code, message: err.message, fields: err.fields };
  }
  throw err;
}
