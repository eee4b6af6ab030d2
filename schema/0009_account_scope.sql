-- cegraph: foreign keys deferred
-- The partnership's roles and scopes (issue 16). The account table is rebuilt to admit the
-- local authority's MACCSE coordinator (`maccse_coordinator`, not police) and to hold the
-- agency an account works for (a panel member updates the actions their agency owns).
-- `account_area` holds the local authorities or forces an account covers; an account with
-- none covers the whole picture (a panel member is scoped by `account_panel` instead).
-- The rebuild runs with foreign keys off (the marker above: GRDB's deferred checks), so
-- dropping the old table does not cascade to sessions and tokens; every foreign key is
-- checked before the migration commits. Never edit this file once it has landed.

CREATE TABLE account_new (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE CHECK (length(trim(username)) > 0 AND username = lower(username)),
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('analyst', 'ccset_coordinator', 'marthr_chair', 'maccse_coordinator',
                                                 'panel_member', 'auditor', 'admin')),
    password_hash  TEXT NOT NULL CHECK (password_hash GLOB '$2[aby]$*'),
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at     TEXT NOT NULL,
    agency         TEXT REFERENCES agency(code)
);
INSERT INTO account_new (id, username, display_name, role, password_hash, disabled, created_at)
SELECT id, username, display_name, role, password_hash, disabled, created_at FROM account;
DROP TABLE account;
ALTER TABLE account_new RENAME TO account;

CREATE TABLE account_area (
    account_id  INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    area        TEXT NOT NULL REFERENCES area(code),
    PRIMARY KEY (account_id, area)
) WITHOUT ROWID;
