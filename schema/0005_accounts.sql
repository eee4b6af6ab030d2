-- Accounts, sessions and API tokens for the web service (issue 6). Passwords are stored
-- only as bcrypt hashes; session and API tokens only as SHA-256 digests, so a copy of the
-- database cannot be used to sign in. Never edit this file once it has landed.

CREATE TABLE account (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE CHECK (length(trim(username)) > 0 AND username = lower(username)),
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('analyst', 'ccset_coordinator', 'marthr_chair', 'panel_member',
                                                 'auditor', 'admin')),
    password_hash  TEXT NOT NULL CHECK (password_hash GLOB '$2[aby]$*'),
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at     TEXT NOT NULL
);

-- The MACCSE panels (by local authority) a panel member sits on.
CREATE TABLE account_panel (
    account_id  INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    area        TEXT NOT NULL REFERENCES area(code),
    PRIMARY KEY (account_id, area)
) WITHOUT ROWID;

CREATE TABLE session (
    token_digest   TEXT PRIMARY KEY NOT NULL CHECK (length(token_digest) = 64),
    account_id     INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    csrf_token     TEXT NOT NULL CHECK (length(csrf_token) >= 32),
    created_at     TEXT NOT NULL,
    last_seen_at   TEXT NOT NULL,
    -- The reason given once per session for sensitive views.
    justification  TEXT
) WITHOUT ROWID;
CREATE INDEX session_by_account ON session(account_id);

CREATE TABLE api_token (
    token_digest  TEXT PRIMARY KEY NOT NULL CHECK (length(token_digest) = 64),
    account_id    INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at    TEXT NOT NULL,
    revoked       INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
) WITHOUT ROWID;
