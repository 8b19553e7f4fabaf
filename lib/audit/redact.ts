const SECRET_KEY = /pass(word)?|secret|token|hash|salt|cookie|authorization/i;

/** Copies a before/after snapshot with secret-looking fields replaced, at any depth. */
export function stripSecrets(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      out[k] = SECRET_KEY.test(k) ? "[redacted]" : stripSecrets(v);
    }
    return out;
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}
