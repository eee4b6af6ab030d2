-- Missing episodes as records (issue 19; seeds 002 §11–13 and 003 §3): reported missing
-- (when, from where), found (when, where, with whom), and the return home interview offered,
-- done or declined. The place a child is found at also becomes a dated `found_at` link,
-- resting on the intelligence record `missing/REF`.
-- Never edit this file once it has landed.

CREATE TABLE missing_episode (
    id               INTEGER PRIMARY KEY,
    ref              TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    child_id         INTEGER NOT NULL REFERENCES entity(id),
    area             TEXT REFERENCES area(code),
    reported_on      TEXT NOT NULL CHECK (reported_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    missing_from     TEXT NOT NULL CHECK (missing_from IN ('home', 'care', 'education', 'other')),
    found_on         TEXT CHECK (found_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    found_at         INTEGER REFERENCES entity(id),
    found_with       TEXT,
    interview        TEXT CHECK (interview IN ('offered', 'done', 'declined')),
    interview_on     TEXT CHECK (interview_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    interview_by     TEXT,
    note             TEXT,
    recorded_by      TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    CHECK (found_on IS NULL OR found_on >= reported_on),
    CHECK (found_at IS NULL OR found_on IS NOT NULL),
    CHECK (interview IS NULL OR found_on IS NOT NULL)
);
CREATE INDEX missing_episode_by_child ON missing_episode(child_id, reported_on);
CREATE INDEX missing_episode_by_area ON missing_episode(area, reported_on);
