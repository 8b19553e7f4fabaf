-- Registered API clients (OAuth 2.0 client credentials, SMART Backend Services style). The
-- secret is kept only as a salted scrypt hash (`scrypt$N$r$p$salt$hash`); scopes are the SMART v2
-- system scopes a client may be granted, space-separated. A revoked client gets no new tokens;
-- tokens already issued run out within their lifetime (five minutes by default).
CREATE TABLE api_clients (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    secret_hash  TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    created_at   TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    revoked_at   TIMESTAMPTZ(3)
);
