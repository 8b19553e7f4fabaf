-- The index advisor's runs, the suggestions each made, and the indexes applied from them.
CREATE TABLE "index_advice_runs" (
    "id" UUID NOT NULL,
    "method" TEXT NOT NULL,
    "min_calls" INTEGER NOT NULL,
    "analyzed" INTEGER NOT NULL,
    "window_hours" DOUBLE PRECISION NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "index_advice_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "index_advice_runs_created_at_idx" ON "index_advice_runs"("created_at");

CREATE TABLE "index_suggestions" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "schema_name" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "index_name" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "predicate" JSONB NOT NULL,
    "ddl" TEXT NOT NULL,
    "queries" JSONB NOT NULL,
    "cost_before" DOUBLE PRECISION NOT NULL,
    "cost_after" DOUBLE PRECISION NOT NULL,
    "estimated_saved_ms_per_hour" DOUBLE PRECISION NOT NULL,
    "activity" JSONB NOT NULL,
    -- Columns, types and indexes of the table when advised: a change means re-check before apply.
    "table_fingerprint" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "index_suggestions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "index_suggestions_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "index_advice_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "index_suggestions_run_id_rank_idx" ON "index_suggestions"("run_id", "rank");

CREATE TYPE "AppliedIndexStatus" AS ENUM ('building', 'valid', 'failed', 'rolled_back');

CREATE TABLE "applied_indexes" (
    "id" UUID NOT NULL,
    "suggestion_id" UUID,
    "schema_name" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "index_name" TEXT NOT NULL,
    "ddl" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "status" "AppliedIndexStatus" NOT NULL DEFAULT 'building',
    "reason" TEXT NOT NULL,
    "applied_by_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "build_ms" INTEGER,
    "error" TEXT,
    "before" JSONB NOT NULL,
    "after" JSONB,
    "rolled_back_by_id" UUID,
    "rolled_back_at" TIMESTAMPTZ(3),
    "rollback_reason" TEXT,
    CONSTRAINT "applied_indexes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "applied_indexes_suggestion_id_fkey" FOREIGN KEY ("suggestion_id") REFERENCES "index_suggestions"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "applied_indexes_status_started_at_idx" ON "applied_indexes"("status", "started_at");
