-- One "Optimize" flow: baseline run, insight, advice, the admin's confirmation, apply, the same
-- run again and the regression verdict. Steps are rows so the page can follow them live.
CREATE TABLE "optimize_sessions" (
    "id" UUID NOT NULL,
    "scenario" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "duration_s" INTEGER NOT NULL,
    -- running | awaiting-confirmation | applying | done | failed
    "status" TEXT NOT NULL DEFAULT 'running',
    "baseline_run_id" UUID,
    "after_run_id" UUID,
    -- The advisor's suggestions shown for confirmation, and the per-query/verdict results.
    "advice" JSONB,
    "result" JSONB,
    "error" TEXT,
    "created_by_id" UUID,
    "confirmed_by_id" UUID,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "optimize_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "optimize_sessions_status_check" CHECK ("status" IN ('running', 'awaiting-confirmation', 'applying', 'done', 'failed'))
);
CREATE INDEX "optimize_sessions_created_at_idx" ON "optimize_sessions" ("created_at");

CREATE TABLE "optimize_steps" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    -- baseline | insight | advice | confirm | apply | after-run | verdict
    "kind" TEXT NOT NULL,
    -- pending | running | done | failed | skipped
    "status" TEXT NOT NULL DEFAULT 'pending',
    "detail" JSONB,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "optimize_steps_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "optimize_steps_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "optimize_sessions" ("id") ON DELETE CASCADE,
    CONSTRAINT "optimize_steps_status_check" CHECK ("status" IN ('pending', 'running', 'done', 'failed', 'skipped'))
);
CREATE UNIQUE INDEX "optimize_steps_session_id_position_key" ON "optimize_steps" ("session_id", "position");
