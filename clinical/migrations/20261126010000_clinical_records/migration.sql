-- Encounters, observations (vital signs and laboratory results) and emergency communications.
-- Primary keys only, on purpose (see the first migration). Observations carry no foreign key:
-- bulk loads of 10M+ rows would pay a lookup per row; the generator guarantees the references.

CREATE TABLE encounters (
    id            TEXT PRIMARY KEY,
    patient_id    TEXT NOT NULL REFERENCES patients(id),
    class         TEXT NOT NULL CHECK (class IN ('IMP', 'EMER', 'AMB')),
    status        TEXT NOT NULL CHECK (status IN ('in-progress', 'finished')),
    location      TEXT NOT NULL,
    period_start  TIMESTAMPTZ(3) NOT NULL,
    period_end    TIMESTAMPTZ(3)
);

CREATE TABLE observations (
    id            BIGINT PRIMARY KEY,
    patient_id    TEXT NOT NULL,
    encounter_id  TEXT,
    category      TEXT NOT NULL CHECK (category IN ('vital-signs', 'laboratory')),
    code          TEXT NOT NULL,
    value_num     DOUBLE PRECISION,
    value_code    TEXT,
    unit          TEXT,
    effective_at  TIMESTAMPTZ(3) NOT NULL
);

CREATE SEQUENCE observations_id_seq OWNED BY observations.id;

CREATE TABLE communications (
    id            BIGSERIAL PRIMARY KEY,
    patient_id    TEXT NOT NULL REFERENCES patients(id),
    priority      TEXT NOT NULL CHECK (priority IN ('routine', 'urgent', 'asap', 'stat')),
    status        TEXT NOT NULL,
    category      TEXT,
    payload       TEXT NOT NULL,
    sent_at       TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
