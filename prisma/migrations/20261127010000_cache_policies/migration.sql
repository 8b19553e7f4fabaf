-- Every cache-policy set an admin saved, in order; the newest is the one the service should run.
CREATE TABLE "cache_policy_versions" (
    "version" INTEGER NOT NULL,
    "policies" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- When the clinical service confirmed it applied this version (null: not yet / failed).
    "applied_at" TIMESTAMPTZ(3),
    "apply_error" TEXT,
    CONSTRAINT "cache_policy_versions_pkey" PRIMARY KEY ("version")
);
