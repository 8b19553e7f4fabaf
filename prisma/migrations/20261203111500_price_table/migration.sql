-- Every price table an admin saved, in order (USD per vCPU-hour, GiB-hour and replica-hour); the
-- newest prices the Resources page's cost per 1,000 requests and the Scaling simulator.
CREATE TABLE "price_table_versions" (
    "version" INTEGER NOT NULL,
    "prices" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "price_table_versions_pkey" PRIMARY KEY ("version")
);
