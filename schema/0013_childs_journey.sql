-- The child's journey (issue 19). Missing episodes as records (seeds 002 §11–13 and 003 §3): reported missing
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

-- A child's placements (seeds 000/001, 002, 003 §3): who placed the child, where they live
-- (`area`, the residing authority, whose front door their referrals go to), the kind of
-- placement and its dates. `incoming` marks one the placing authority told us of (seed
-- 000's OLA notifications), screened here for CE risk.
CREATE TABLE placement (
    id               INTEGER PRIMARY KEY,
    ref              TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    child_id         INTEGER NOT NULL REFERENCES entity(id),
    placing_area     TEXT NOT NULL REFERENCES area(code),
    area             TEXT NOT NULL REFERENCES area(code),
    kind             TEXT NOT NULL CHECK (kind IN ('childrens_home', 'foster', 'semi_independent', 'secure', 'other')),
    placement        TEXT NOT NULL CHECK (length(trim(placement)) > 0),
    location_id      INTEGER REFERENCES entity(id),
    started_on       TEXT NOT NULL CHECK (started_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    ended_on         TEXT CHECK (ended_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    incoming         INTEGER NOT NULL DEFAULT 0 CHECK (incoming IN (0, 1)),
    screened_on      TEXT CHECK (screened_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    ce_risk          INTEGER CHECK (ce_risk IN (0, 1)),
    note             TEXT,
    recorded_by      TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    CHECK (ended_on IS NULL OR ended_on >= started_on),
    CHECK ((screened_on IS NULL) = (ce_risk IS NULL))
);
CREATE INDEX placement_by_child ON placement(child_id, started_on);
CREATE INDEX placement_by_area ON placement(area, started_on);

-- The notification log: every duty to tell another authority or force (seed 003 §3) as a
-- task owned by the authority that must tell (`area`), to whom (`to_area`, and the contact
-- role there), why (in words, with the records), raised, due and done. At most one task per
-- duty is open at a time; a cross-border task lists the links it told of
-- (`notification_link`), so that a link is told of once.
CREATE TABLE notification (
    id               INTEGER PRIMARY KEY,
    ref              TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    area             TEXT REFERENCES area(code),
    to_area          TEXT NOT NULL REFERENCES area(code),
    contact          TEXT NOT NULL CHECK (contact IN ('mash', 'ce_police_lead', 'home_social_worker')),
    source           TEXT NOT NULL CHECK (source IN ('cross_border', 'placement', 'missing', 'arrest', 'other')),
    duty             TEXT NOT NULL CHECK (length(duty) > 0),
    child_id         INTEGER REFERENCES entity(id),
    case_id          INTEGER REFERENCES ce_case(id),
    placement_id     INTEGER REFERENCES placement(id),
    missing_id       INTEGER REFERENCES missing_episode(id),
    reason           TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    records          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(records) AND json_type(records) = 'array'),
    raised_on        TEXT NOT NULL CHECK (raised_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    due_on           TEXT NOT NULL CHECK (due_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    done_on          TEXT CHECK (done_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    done_how         TEXT CHECK (done_how IN ('phone', 'email', 'secure_email', 'meeting', 'letter', 'other')),
    done_by          TEXT,
    disclosed        TEXT,
    done_note        TEXT,
    raised_by        TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    CHECK (due_on >= raised_on),
    CHECK ((done_on IS NULL) = (done_how IS NULL)),
    CHECK ((done_on IS NULL) = (done_by IS NULL)),
    CHECK (done_on IS NULL OR done_on >= raised_on)
);
CREATE UNIQUE INDEX notification_open_duty ON notification(duty) WHERE done_on IS NULL;
CREATE INDEX notification_by_area ON notification(area, done_on);
CREATE INDEX notification_by_child ON notification(child_id);

CREATE TABLE notification_link (
    notification_id  INTEGER NOT NULL REFERENCES notification(id),
    link_id          INTEGER NOT NULL REFERENCES link(id) ON DELETE CASCADE,
    to_area          TEXT NOT NULL REFERENCES area(code),
    PRIMARY KEY (link_id, to_area, notification_id)
) WITHOUT ROWID;

-- Transitions (seed 003): a child on MACCSE who turns 18 is handed over to adult services,
-- the agency and the day recorded on the case.
INSERT INTO agency (code, name, partner) VALUES ('adult_services', 'Adult social care', 1);
ALTER TABLE ce_case ADD COLUMN handover_to TEXT REFERENCES agency(code);
ALTER TABLE ce_case ADD COLUMN handover_on TEXT CHECK (handover_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
