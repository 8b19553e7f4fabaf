-- Merged histograms and 10-second endpoint windows of a run, kept apart from its summary.
ALTER TABLE "load_test_runs" ADD COLUMN "histograms" JSONB;
ALTER TABLE "load_test_runs" ADD COLUMN "windows" JSONB;

-- The run-to-run noise measured when a run became a baseline (relative, e.g. 0.02).
ALTER TABLE "baselines" ADD COLUMN "noise" DOUBLE PRECISION;
ALTER TABLE "baselines" ADD COLUMN "noise_run_id" UUID;

-- The console's own metric history when no Prometheus is configured: one row per scrape of the
-- clinical service's /metrics, cumulative counters per priority class.
CREATE TABLE "metric_scrapes" (
    "id" BIGSERIAL NOT NULL,
    "scraped_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB NOT NULL,
    CONSTRAINT "metric_scrapes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "metric_scrapes_scraped_at_idx" ON "metric_scrapes"("scraped_at");
