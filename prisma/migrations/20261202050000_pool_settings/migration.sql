-- Every clinical connection-pool settings set an admin saved (size, reservation and
-- statement_timeout per priority class), in order; the newest is the one the service should run.
CREATE TABLE "pool_settings_versions" (
    "version" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- When the clinical service confirmed it applied this version (null: not yet / failed).
    "applied_at" TIMESTAMPTZ(3),
    "apply_error" TEXT,
    CONSTRAINT "pool_settings_versions_pkey" PRIMARY KEY ("version")
);
