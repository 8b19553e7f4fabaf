-- Break-glass grants: an ops user's time-limited elevation to admin rights, for a stated reason.
-- A grant is active while ended_at is NULL and ends_at is in the future; its end (by the user, or
-- recorded lazily at expiry) is written once, guarded by "ended_at IS NULL". Compliance
-- acknowledges each use once, guarded the same way by "acknowledged_at IS NULL".
CREATE TABLE "break_glass_grants" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "ended_by" TEXT,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,
    "ack_note" TEXT,
    CONSTRAINT "break_glass_grants_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "break_glass_grants_ended_by_check" CHECK ("ended_by" IN ('user', 'expiry')),
    CONSTRAINT "break_glass_grants_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "break_glass_grants_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- At most one open grant per user, whatever the races between two "Break glass" clicks.
CREATE UNIQUE INDEX "break_glass_grants_one_open_per_user" ON "break_glass_grants" ("user_id") WHERE "ended_at" IS NULL;
CREATE INDEX "break_glass_grants_started_at_idx" ON "break_glass_grants" ("started_at");
