import { env } from "../env";

/**
 * Sign-in throttling (lib/services/auth/throttle.ts). No account is ever locked: the same
 * account from another address signs in normally, and repeated failures from one place slow
 * that place down. Attempts are counted in a window that restarts after it runs out.
 * There is deliberately no account-wide bucket: whatever slows an account everywhere lets a
 * stranger who keeps guessing keep its owner out (the lockout denial of service). Guessing one
 * account from many addresses is bounded per address instead, and by the password policy.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;

export type ThrottleBucket = {
  /** Attempts in the window before any limit applies. */
  free: number;
  /** `progressive`: after `free`, one attempt per delay, doubling from 1 s up to `maxDelayS`. `hard`: refused until the window ends. */
  kind: "progressive" | "hard";
  maxDelayS: number;
};

export const THROTTLE_BUCKETS = {
  /** One account from one address: a guesser at a keyboard; 5 tries, then 1 s, 2 s, 4 s … up to the window. */
  accountSource: { free: 5, kind: "progressive", maxDelayS: SIGN_IN_WINDOW_MINUTES * 60 },
  /** One address across accounts (password spraying): 20 attempts per window. */
  source: { free: 20, kind: "hard", maxDelayS: 0 },
} as const satisfies Record<string, ThrottleBucket>;

export function sessionIdleMs(): number {
  return env().VIGIL_SESSION_IDLE_MINUTES * 60_000;
}

export function sessionMaxMs(): number {
  return env().VIGIL_SESSION_MAX_HOURS * 3_600_000;
}
