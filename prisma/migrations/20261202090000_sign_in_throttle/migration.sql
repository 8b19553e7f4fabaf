-- Sign-in attempt buckets (per account and source, per source, per account). An attempt is
-- counted here, atomically, before its password is verified, so parallel guesses cannot all
-- pass a check that only counted earlier failures.
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL,
    -- Progressive buckets: no attempt is verified before this time.
    "next_allowed_at" TIMESTAMPTZ(3) NOT NULL,
    -- Whether the attempt that last touched the row was let through (read by that attempt).
    "last_allowed" BOOLEAN NOT NULL,
    -- Refused attempts in this window, and in the window before (audited as one event).
    "throttled" INTEGER NOT NULL DEFAULT 0,
    "throttled_previous" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);
