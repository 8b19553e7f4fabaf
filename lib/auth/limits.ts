import { env } from "../env";

/** Sign-in throttling: failures counted from the audit trail over a sliding window. */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export function sessionIdleMs(): number {
  return env().VIGIL_SESSION_IDLE_MINUTES * 60_000;
}

export function sessionMaxMs(): number {
  return env().VIGIL_SESSION_MAX_HOURS * 3_600_000;
}
