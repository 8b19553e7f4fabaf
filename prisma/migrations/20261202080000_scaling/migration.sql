-- Every scaling policy an admin saved for a service, in order; the newest governs the service.
CREATE TABLE "scaling_policy_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scaling_policy_versions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "scaling_policy_versions_service_version_key" ON "scaling_policy_versions"("service", "version");

-- Emergency surges: always with an expiry; started by an admin or by the emergency burn-rate alert.
CREATE TABLE "scaling_surges" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service" TEXT NOT NULL,
    "factor" DOUBLE PRECISION NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "started_by_id" UUID,
    CONSTRAINT "scaling_surges_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "scaling_surges_expiry_check" CHECK ("expires_at" > "started_at")
);
CREATE INDEX "scaling_surges_service_expires_at_idx" ON "scaling_surges"("service", "expires_at");

-- Every decision of the local scaler (live or dry-run): the metrics it saw and the rule that fired.
CREATE TABLE "scaling_decisions" (
    "id" BIGSERIAL NOT NULL,
    "service" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mode" TEXT NOT NULL,
    "from_workers" INTEGER NOT NULL,
    "to_workers" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "metrics" JSONB NOT NULL,
    "outcome" TEXT NOT NULL,
    "error" TEXT,
    CONSTRAINT "scaling_decisions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "scaling_decisions_service_decided_at_idx" ON "scaling_decisions"("service", "decided_at");
