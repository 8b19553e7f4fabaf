-- The clinical service's patient table. Primary key only, on purpose: the database
-- optimisation work must find its slow queries and recommend the indexes itself.
CREATE TABLE patients (
    id          TEXT PRIMARY KEY,
    mrn         TEXT NOT NULL,
    family      TEXT NOT NULL,
    given       TEXT NOT NULL,
    gender      TEXT NOT NULL CHECK (gender IN ('male', 'female', 'other', 'unknown')),
    birth_date  DATE NOT NULL,
    updated_at  TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
