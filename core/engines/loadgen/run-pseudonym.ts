import { createHmac, randomBytes } from "node:crypto";

/**
 * Pseudonyms for patient identifiers in what a run reports (a wrong-patient safety failure is
 * stored on the run, shown on run pages that tablets keep offline, and printed by the CLI). The
 * key lives in this process only: within one run "pt_…" names the same patient every time, so
 * the failure can be read ("asked for A, got B"), but no identifier leaves the generator and the
 * pseudonyms cannot be linked across runs.
 */
const KEY = randomBytes(32);

export function runPseudonym(patientId: string): string {
  return `pt_${createHmac("sha256", KEY).update(patientId).digest("hex").slice(0, 12)}`;
}
