-- Accounts, sessions and API tokens (GraphServer).

-- name: insert
INSERT INTO account (username, display_name, role, password_hash, created_at, agency)
VALUES (:username, :display_name, :role, :password_hash, :now, :agency);

-- name: add_panel
-- `chair`: 1 when the account chairs the authority's panels (approves their minutes).
INSERT OR IGNORE INTO account_panel (account_id, area, chair) VALUES (:account, :area, coalesce(:chair, 0));

-- name: by_username
SELECT id, username, display_name, role, password_hash, disabled FROM account WHERE username = :username;

-- name: by_id
SELECT id, username, display_name, role, disabled, agency FROM account WHERE id = :id;

-- name: add_area
INSERT OR IGNORE INTO account_area (account_id, area) VALUES (:account, :area);

-- name: areas
SELECT area FROM account_area WHERE account_id = :account ORDER BY area;

-- name: clear_areas
-- Forgets an account's areas before new ones are set.
DELETE FROM account_area WHERE account_id = :account;

-- name: clear_panels
DELETE FROM account_panel WHERE account_id = :account;

-- name: set_role
UPDATE account SET role = :role, agency = :agency WHERE id = :id;

-- name: panels
SELECT area, chair FROM account_panel WHERE account_id = :account ORDER BY area;

-- name: list
SELECT a.username, a.display_name, a.role, a.disabled, a.agency,
       (SELECT group_concat(area, ',') FROM account_panel p WHERE p.account_id = a.id) AS panels,
       (SELECT group_concat(area, ',') FROM account_area r WHERE r.account_id = a.id) AS areas
FROM account a ORDER BY a.username;

-- name: summary
-- One account as the accounts page shows it: the list's columns.
SELECT a.username, a.display_name, a.role, a.disabled, a.agency,
       (SELECT group_concat(area, ',') FROM account_panel p WHERE p.account_id = a.id) AS panels,
       (SELECT group_concat(area, ',') FROM account_area r WHERE r.account_id = a.id) AS areas
FROM account a WHERE a.username = :username;

-- name: area
-- An area an account may cover, or whose panel it may sit on.
SELECT code, name, area_type FROM area WHERE code = :code;

-- name: known_areas
-- The areas the accounts page offers: local authorities first, then forces, by name.
SELECT code, name, area_type FROM area ORDER BY area_type = 'police_force', name;

-- name: set_password
UPDATE account SET password_hash = :password_hash WHERE id = :id;

-- name: start_session
INSERT INTO session (token_digest, account_id, csrf_token, created_at, last_seen_at)
VALUES (:digest, :account, :csrf, :at, :at);

-- name: session
SELECT s.token_digest, s.account_id, s.csrf_token, s.created_at, s.last_seen_at, s.justification
FROM session s JOIN account a ON a.id = s.account_id WHERE s.token_digest = :digest AND a.disabled = 0;

-- name: touch_session
UPDATE session SET last_seen_at = :at WHERE token_digest = :digest;

-- name: justify_session
UPDATE session SET justification = :justification WHERE token_digest = :digest;

-- name: end_session
DELETE FROM session WHERE token_digest = :digest;

-- name: end_sessions_for
DELETE FROM session WHERE account_id = :account;

-- name: add_token
INSERT INTO api_token (token_digest, account_id, name, created_at) VALUES (:digest, :account, :name, :now);

-- name: token
SELECT t.account_id FROM api_token t JOIN account a ON a.id = t.account_id
WHERE t.token_digest = :digest AND t.revoked = 0 AND a.disabled = 0;

-- name: revoke_tokens
-- Revokes an account's tokens of one name (or all of them, for a null name).
UPDATE api_token SET revoked = 1
WHERE account_id = :account AND revoked = 0 AND (:name IS NULL OR name = :name);

-- name: set_disabled
UPDATE account SET disabled = :disabled WHERE id = :id;

-- name: live_tokens
SELECT count(*) AS n FROM api_token WHERE account_id = :account AND revoked = 0 AND (:name IS NULL OR name = :name);
