import { createHmac, randomBytes } from "node:crypto";
import { env } from "../env";

let fallbackKey: Buffer | undefined;

/**
 * The key behind patient pseudonyms in the audit trail: derived from AUTH_SECRET, which every
 * running console has (generated into the data folder on first start). Without it (some tests),
 * a key for this process only: pseudonyms then cannot be linked across restarts, never leak.
 */
function key(): Buffer {
  const secret = env().AUTH_SECRET;
  if (secret) return createHmac("sha256", secret).update("vigil:audit-pseudonym:v1").digest();
  return (fallbackKey ??= randomBytes(32));
}

/**
 * A patient identifier as the audit trail may hold it: a keyed HMAC, stable for one console
 * deployment, so an auditor holding the key can check "was this patient's cache cleared?" by
 * recomputing it, while the trail, its exports and offline copies carry no identifier.
 */
export function patientPseudonym(patientId: string): string {
  return `pt_${createHmac("sha256", key()).update(patientId).digest("hex").slice(0, 16)}`;
}
