-- Console schema: users, sessions, audit trail, load-test runs and baselines.
-- Written by hand to match prisma/schema.prisma (the Prisma schema engine cannot run here);
-- test/db/console-schema.test.ts exercises every model through the client against it.

CREATE TYPE "Role" AS ENUM ('ops', 'admin', 'compliance');
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'passed', 'failed', 'invalid', 'cancelled', 'aborted');

CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "source_ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "end_reason" TEXT,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "audit_events" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor" TEXT NOT NULL,
    "actor_role" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "source_ip" TEXT,
    "outcome" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("seq")
);
CREATE UNIQUE INDEX "audit_events_hash_key" ON "audit_events"("hash");
CREATE INDEX "audit_events_action_target_at_idx" ON "audit_events"("action", "target", "at");
CREATE INDEX "audit_events_source_ip_at_idx" ON "audit_events"("source_ip", "at");
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- The audit trail is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();

CREATE TABLE "load_test_runs" (
    "id" UUID NOT NULL,
    "scenario" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "config" JSONB NOT NULL,
    "summary" JSONB,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "load_test_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "load_test_runs_scenario_target_created_at_idx" ON "load_test_runs"("scenario", "target", "created_at");

CREATE TABLE "baselines" (
    "id" UUID NOT NULL,
    "scenario" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "run_id" UUID NOT NULL,
    "promoted_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "baselines_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "baselines_scenario_target_key" ON "baselines"("scenario", "target");
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_run_id_fkey"
    FOREIGN KEY ("run_id") REFERENCES "load_test_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
