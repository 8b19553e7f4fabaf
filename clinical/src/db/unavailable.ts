const CONNECTION_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);

/** True when an error means "the database cannot answer now" (503), not a bug (500). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : "";
  if (CONNECTION_ERRNOS.has(code)) return true;
  // The priority pool gave up waiting for a free connection for this class.
  if (code === "POOL_WAIT_TIMEOUT") return true;
  // SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (operator
  // intervention) and 57014 (cancelled by statement_timeout: the database is too slow right now).
  if (/^(08|53|57P|57014)/.test(code)) return true;
  const message = typeof e?.message === "string" ? e.message : "";
  return /Connection terminated|timeout exceeded when trying to connect|PGlite is closed|Cannot use a pool after calling end/i.test(message);
}
