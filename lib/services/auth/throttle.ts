import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { SIGN_IN_WINDOW_MINUTES, THROTTLE_BUCKETS, type ThrottleBucket } from "../../auth/limits";

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;
type Reserved = { allowed: boolean; nextAllowedAt: Date };

const keys = (email: string, sourceIp: string | null) => {
  const source = sourceIp ?? "unknown";
  return { accountSource: `as:${email}|${source}`, source: `s:${source}` };
};

/**
 * Counts one attempt in a bucket and decides, in the same statement, whether it may be
 * verified. The row lock of INSERT … ON CONFLICT makes the decision atomic: of N parallel
 * attempts, only those within the bucket's allowance see `last_allowed = true`.
 */
async function reserve(prisma: Db, key: string, b: ThrottleBucket, now: Date): Promise<Reserved> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const progressive = b.kind === "progressive";
  const rows = await prisma.$queryRaw<{ last_allowed: boolean; next_allowed_at: Date }[]>`
    INSERT INTO sign_in_throttle AS t (key, window_started_at, attempts, next_allowed_at, last_allowed)
    VALUES (${key}, ${now}, 1, ${now}, true)
    ON CONFLICT (key) DO UPDATE SET
      window_started_at = CASE WHEN t.window_started_at <= ${windowStart} THEN ${now} ELSE t.window_started_at END,
      attempts = CASE WHEN t.window_started_at <= ${windowStart} THEN 1 ELSE t.attempts + 1 END,
      throttled = CASE WHEN t.window_started_at <= ${windowStart} THEN 0 ELSE t.throttled END,
      throttled_previous = CASE WHEN t.window_started_at <= ${windowStart} THEN t.throttled ELSE t.throttled_previous END,
      last_allowed = t.window_started_at <= ${windowStart} OR CASE WHEN ${progressive}
        THEN ${now} >= t.next_allowed_at ELSE t.attempts + 1 <= ${b.free} END,
      -- A progressive bucket's free attempts end at the free-th: each attempt let through from
      -- then on sets the next one 1 s, 2 s, 4 s … later (refused ones keep raising the exponent).
      next_allowed_at = CASE
        WHEN t.window_started_at <= ${windowStart} THEN ${now}
        WHEN ${progressive} AND ${now} >= t.next_allowed_at AND t.attempts + 1 >= ${b.free}
          THEN ${now}::timestamptz + make_interval(secs => LEAST(${b.maxDelayS}::float8, power(2, t.attempts + 1 - ${b.free})::float8))
        ELSE t.next_allowed_at END
    RETURNING last_allowed, next_allowed_at`;
  const row = rows[0]!;
  return { allowed: row.last_allowed, nextAllowedAt: row.next_allowed_at };
}

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; retryAt: Date; bucket: keyof typeof THROTTLE_BUCKETS };

/** Reserves this attempt in every bucket before the password is checked. */
export async function reserveSignInAttempt(prisma: Db, email: string, sourceIp: string | null, now = new Date()): Promise<ThrottleDecision> {
  const k = keys(email, sourceIp);
  for (const name of ["source", "accountSource"] as const) {
    const r = await reserve(prisma, k[name], THROTTLE_BUCKETS[name], now);
    if (!r.allowed) {
      const retryAt = THROTTLE_BUCKETS[name].kind === "hard" ? new Date(now.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000) : r.nextAllowedAt;
      return { allowed: false, retryAt, bucket: name };
    }
  }
  return { allowed: true };
}

/** A success clears the account's bucket at that source and gives the source its attempt back. */
export async function releaseAfterSuccess(prisma: Db, email: string, sourceIp: string | null): Promise<void> {
  const k = keys(email, sourceIp);
  await prisma.$executeRaw`DELETE FROM sign_in_throttle WHERE key = ${k.accountSource}`;
  await prisma.$executeRaw`UPDATE sign_in_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE key = ${k.source}`;
}

/**
 * Counts a refused attempt against its source. Only the first refusal in a window is audited
 * (with how many the window before had), so a flood of guesses cannot flood the audit trail.
 */
export async function countRefusal(prisma: Db, sourceIp: string | null): Promise<{ audit: boolean; previousWindow: number }> {
  const rows = await prisma.$queryRaw<{ throttled: number; throttled_previous: number }[]>`
    UPDATE sign_in_throttle SET throttled = throttled + 1 WHERE key = ${keys("", sourceIp).source}
    RETURNING throttled, throttled_previous`;
  const row = rows[0];
  return { audit: !row || row.throttled === 1, previousWindow: row?.throttled_previous ?? 0 };
}

/**
 * One audit event per key and window for refusals nobody needs to see one by one (a throttled
 * password change, an anonymous server-action call): the first refusal in a window is audited,
 * with how many the window before had; the rest are only counted. Atomic under parallel calls.
 */
export async function countRefusalInWindow(prisma: Db, key: string, now = new Date()): Promise<{ audit: boolean; previousWindow: number }> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const rows = await prisma.$queryRaw<{ throttled: number; throttled_previous: number }[]>`
    INSERT INTO sign_in_throttle AS t (key, window_started_at, attempts, next_allowed_at, last_allowed, throttled)
    VALUES (${key}, ${now}, 0, ${now}, false, 1)
    ON CONFLICT (key) DO UPDATE SET
      window_started_at = CASE WHEN t.window_started_at <= ${windowStart} THEN ${now} ELSE t.window_started_at END,
      throttled_previous = CASE WHEN t.window_started_at <= ${windowStart} THEN t.throttled ELSE t.throttled_previous END,
      throttled = CASE WHEN t.window_started_at <= ${windowStart} THEN 1 ELSE t.throttled + 1 END
    RETURNING throttled, throttled_previous`;
  const row = rows[0]!;
  return { audit: row.throttled === 1, previousWindow: row.throttled_previous };
}

/** "12 s" or "4 min": how long until a throttled attempt may be tried again. */
export function waitText(retryAt: Date, now = Date.now()): string {
  const waitS = Math.max(1, Math.ceil((retryAt.getTime() - now) / 1000));
  return waitS < 120 ? `${waitS} s` : `${Math.ceil(waitS / 60)} min`;
}
