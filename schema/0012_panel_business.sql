-- The panel's business as the protocols run it (issue 18).
-- Seed 002: an inquorate panel transacts no business; what its attendees said may still be
-- kept, as notes marked inquorate. Seed 003: minutes are kept per child, on the child's case,
-- besides the panel's general minutes.
-- Never edit this file once it has landed.

ALTER TABLE panel_meeting ADD COLUMN minutes_inquorate INTEGER NOT NULL DEFAULT 0
    CHECK (minutes_inquorate IN (0, 1));

CREATE TABLE panel_case_minutes (
    meeting_id   INTEGER NOT NULL REFERENCES panel_meeting(id),
    case_id      INTEGER NOT NULL REFERENCES ce_case(id),
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
    recorded_on  TEXT NOT NULL CHECK (recorded_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    recorded_by  TEXT NOT NULL,
    PRIMARY KEY (meeting_id, case_id)
);
CREATE INDEX panel_case_minutes_by_case ON panel_case_minutes(case_id);

-- Seed 003: the coordinator adds a case between panels when significant new information
-- arrives, and a case the panel could not reach is deferred to the next; both wait for the
-- authority's next agenda, which takes them (taken_by).
CREATE TABLE agenda_request (
    id            INTEGER PRIMARY KEY,
    area          TEXT NOT NULL REFERENCES area(code),
    case_id       INTEGER NOT NULL REFERENCES ce_case(id),
    kind          TEXT NOT NULL CHECK (kind IN ('added', 'deferred')),
    reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    from_meeting_id INTEGER REFERENCES panel_meeting(id),
    requested_on  TEXT NOT NULL CHECK (requested_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    requested_by  TEXT NOT NULL,
    taken_by      INTEGER REFERENCES panel_meeting(id),
    CHECK (kind <> 'deferred' OR from_meeting_id IS NOT NULL)
);
CREATE INDEX agenda_request_by_area ON agenda_request(area, taken_by);

-- Seed 004: perpetrator referrals (individual offenders, organised crime groups), prepared
-- by the police and discussed after the victims' cases.
CREATE TABLE perpetrator_referral (
    meeting_id    INTEGER NOT NULL REFERENCES panel_meeting(id),
    subject_id    INTEGER NOT NULL REFERENCES entity(id),
    reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    referred_on   TEXT NOT NULL CHECK (referred_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    referred_by   TEXT NOT NULL,
    PRIMARY KEY (meeting_id, subject_id)
);

-- An agenda item may now be a case added between panels or deferred from the last one.
CREATE TABLE agenda_item_0012 (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES panel_meeting(id) ON DELETE CASCADE,
    case_id      INTEGER NOT NULL REFERENCES ce_case(id),
    item         TEXT NOT NULL CHECK (item IN ('new_assessment', 'review', 'nrm', 'marthr_feedback', 'alert',
                                               'added', 'deferred')),
    reason       TEXT NOT NULL,
    slot         TEXT NOT NULL CHECK (slot GLOB '[0-2][0-9]:[0-5][0-9]'),
    minutes      INTEGER NOT NULL CHECK (minutes > 0),
    position     INTEGER NOT NULL,
    UNIQUE (meeting_id, case_id, item)
);
INSERT INTO agenda_item_0012 (id, meeting_id, case_id, item, reason, slot, minutes, position)
    SELECT id, meeting_id, case_id, item, reason, slot, minutes, position FROM agenda_item;
DROP TABLE agenda_item;
ALTER TABLE agenda_item_0012 RENAME TO agenda_item;

-- Seed 002 §16: a strategy meeting's record, not only its day: who attended, what it decided
-- (joint investigation, a criminal investigation, a joint visit, an ABE interview, a child
-- protection conference, short-term intervention, criteria not met), the reasons when no
-- child protection conference is initiated, whether a Section 47 enquiry was initiated, and
-- the CE flags actioned at it (as set, in flags_set; the flags are rows of `flag`).
CREATE TABLE strategy_meeting (
    id            INTEGER PRIMARY KEY,
    ref           TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    case_id       INTEGER NOT NULL REFERENCES ce_case(id),
    kind          TEXT NOT NULL CHECK (kind IN ('strategy', 'initial_cse', 'review_cse')),
    held_on       TEXT NOT NULL CHECK (held_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    section47     INTEGER NOT NULL DEFAULT 0 CHECK (section47 IN (0, 1)),
    attendees     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attendees) AND json_type(attendees) = 'array'),
    decisions     TEXT NOT NULL CHECK (json_valid(decisions) AND json_type(decisions) = 'array' AND json_array_length(decisions) > 0),
    no_conference_reason TEXT,
    flags_set     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags_set) AND json_type(flags_set) = 'array'),
    note          TEXT,
    recorded_by   TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX strategy_meeting_by_case ON strategy_meeting(case_id, held_on);
