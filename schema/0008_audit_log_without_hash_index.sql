-- The audit log without the unique index on `hash`.
--
-- The hashes are random, so every audit row landed on a random leaf of that index: each
-- group commit rewrote dozens of scattered pages, and each checkpoint copied and fsynced
-- them all. Under the service's read load (one audit row per request) that was most of the
-- write-ahead log, and the checkpoint that holds the commits took 30 ms a second: the
-- 2-hop benchmark's p99 went from 32 ms to 7 ms without it (docs/SERVICE.md, Speed).
-- Nothing looks a row up by its hash, and the chain itself (each row's `prev_hash` is the
-- row before's `hash`, checked by `cegraph audit verify`) is what shows tampering, not the
-- index. SQLite cannot drop a constraint, so the table is rebuilt, every row copied as it
-- is (same `seq`, same hashes: the chain verifies as before). DROP TABLE fires no trigger.
-- It runs once, at the first open after the upgrade: about 30 s for a million audit rows
-- (1.45 GB) on the development machine, and the old table's pages stay in the file as free
-- pages, used again by later rows (`VACUUM` gives them back to the disk).
CREATE TABLE audit_log_rebuilt (
    seq            INTEGER PRIMARY KEY,
    at             TEXT NOT NULL CHECK (at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T*Z'),
    operation      TEXT NOT NULL CHECK (operation IN
                       ('collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure')),
    actor          TEXT NOT NULL CHECK (length(trim(actor)) > 0),
    justification  TEXT NOT NULL CHECK (length(trim(justification)) > 0),
    records        TEXT NOT NULL CHECK (json_valid(records)),
    recipients     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients)),
    prev_hash      TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash           TEXT NOT NULL CHECK (length(hash) = 64)
);
INSERT INTO audit_log_rebuilt (seq, at, operation, actor, justification, records, recipients, prev_hash, hash)
    SELECT seq, at, operation, actor, justification, records, recipients, prev_hash, hash FROM audit_log ORDER BY seq;
DROP TABLE audit_log;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
