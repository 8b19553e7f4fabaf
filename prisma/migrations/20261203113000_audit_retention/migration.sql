-- Audit retention (issue 18 item 6): the retention period and the hot window, versioned like the
-- other settings; the archives of the oldest audit events; and the one DELETE the audit trail allows.
CREATE TABLE "audit_retention_versions" (
    "version" INTEGER NOT NULL,
    "retention_years" INTEGER NOT NULL,
    "hot_window_days" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_retention_versions_pkey" PRIMARY KEY ("version")
);

-- One row per archive: the contiguous seq range written to an export folder that verified
-- offline before any row was deleted. Consecutive archives chain: each first row's prev_hash is
-- the previous archive's last_hash (the genesis value for the first).
CREATE TABLE "audit_archives" (
    "id" SERIAL NOT NULL,
    "first_seq" BIGINT NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "last_hash" TEXT NOT NULL,
    -- When the newest archived event was recorded: the archive is past retention that long after it.
    "last_at" TIMESTAMPTZ(3) NOT NULL,
    "manifest_sha256" TEXT NOT NULL,
    "folder" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "created_by_id" UUID,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_archives_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_archives_range" CHECK ("first_seq" <= "last_seq" AND "count" > 0)
);
CREATE UNIQUE INDEX "audit_archives_last_seq_key" ON "audit_archives"("last_seq");

-- The archive records are append-only too: dropping one would hide where the chain went.
CREATE FUNCTION "audit_archives_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_archives is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_archives_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_archives"
    FOR EACH ROW EXECUTE FUNCTION "audit_archives_refuse_change"();
CREATE TRIGGER "audit_archives_no_truncate" BEFORE TRUNCATE ON "audit_archives"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_archives_refuse_change"();

-- audit_events stays append-only except for one DELETE: rows up to the newest verified archive's
-- last seq. UPDATE and TRUNCATE are still refused, and so is deleting any row not archived.
CREATE OR REPLACE FUNCTION "audit_events_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."seq" <= (SELECT max("last_seq") FROM "audit_archives" WHERE "verified") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- ...and only from the oldest end: after a DELETE no archived row may remain, so the chain left
-- in the database is contiguous and starts right after the newest archive.
CREATE FUNCTION "audit_events_archive_prefix"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "audit_events" WHERE "seq" <= (SELECT max("last_seq") FROM "audit_archives" WHERE "verified")) THEN
    RAISE EXCEPTION 'audit_events: archived rows may only be deleted all together, from the oldest end' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "audit_events_archive_prefix" AFTER DELETE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_archive_prefix"();
