-- Earlier versions of intelligence reports (issue 6, intelligence entry): an edit keeps the
-- version it replaces, with who replaced it, when and why, in the same transaction as the
-- edit and its audit row. Rows are never changed; they go only with their report (erasure).
-- Never edit this file once it has landed: add a new migration instead.

CREATE TABLE intel_history (
    id          INTEGER PRIMARY KEY,
    intel_id    INTEGER NOT NULL REFERENCES intel(id) ON DELETE CASCADE,
    -- 1 for the report as first entered, then one more for each edit.
    version     INTEGER NOT NULL CHECK (version >= 1),
    -- The report's fields as they were: date, grading, handling conditions, agency, text,
    -- submitted_by, legacy grading, the ids of the entities it was about.
    fields      TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'object'),
    -- Who replaced this version, when, and the reason they gave.
    changed_by  TEXT NOT NULL CHECK (length(trim(changed_by)) > 0),
    changed_at  TEXT NOT NULL CHECK (changed_at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T*Z'),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    UNIQUE (intel_id, version)
);

CREATE TRIGGER intel_history_no_update BEFORE UPDATE ON intel_history BEGIN
    SELECT RAISE(ABORT, 'an earlier version of a report is kept as it was');
END;
