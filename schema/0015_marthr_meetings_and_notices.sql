-- MARTHR's meetings and notices as seed 003 runs them (issue 20).
-- Meetings: partners adhere to the confidentiality agreement, so who attended (for which
-- agency) and whether they signed it are kept as for a MACCSE panel; the local authority
-- takes the minutes (with notes of each subject's discussion), and the chair approves them.
-- Notices: created by the coordinator, served by local policing via the appropriate Chief
-- Inspector, then monitored (seed 003): drafted, approved (by whom, their rank or role),
-- served, breached (each breach dated, with its record), renewed or ended.
-- Never edit this file once it has landed.

CREATE TABLE marthr_attendee (
    meeting_id   INTEGER NOT NULL REFERENCES marthr_meeting(id),
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    agency       TEXT NOT NULL REFERENCES agency(code),
    signed_confidentiality INTEGER NOT NULL CHECK (signed_confidentiality IN (0, 1)),
    PRIMARY KEY (meeting_id, name)
) WITHOUT ROWID;

ALTER TABLE marthr_meeting ADD COLUMN minutes TEXT CHECK (minutes IS NULL OR length(trim(minutes)) > 0);
ALTER TABLE marthr_meeting ADD COLUMN minutes_recorded_by TEXT;
ALTER TABLE marthr_meeting ADD COLUMN minutes_approved_on TEXT
    CHECK (minutes_approved_on IS NULL OR minutes_approved_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE marthr_meeting ADD COLUMN minutes_approved_by TEXT;

-- The notes of one subject's discussion at a meeting; recording again replaces them.
CREATE TABLE marthr_subject_minutes (
    meeting_id   INTEGER NOT NULL REFERENCES marthr_meeting(id),
    subject_id   INTEGER NOT NULL REFERENCES entity(id),
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
    recorded_on  TEXT NOT NULL CHECK (recorded_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    recorded_by  TEXT NOT NULL,
    PRIMARY KEY (meeting_id, subject_id)
);

-- The register, rebuilt for the notice's life: `served_on` is empty until it is served.
-- Every notice recorded before this migration was recorded as served.
CREATE TABLE disruption_0015 (
    id           INTEGER PRIMARY KEY,
    ref          TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    subject_id   INTEGER NOT NULL REFERENCES entity(id),
    child_id     INTEGER REFERENCES entity(id),
    tool         TEXT NOT NULL CHECK (tool IN ('cawn', 'cce_warning_notice', 'harbouring_notice', 'licensing',
                     'closure_order', 'asb_power', 'abduction_order', 'other')),
    status       TEXT NOT NULL DEFAULT 'served' CHECK (status IN ('drafted', 'approved', 'served', 'renewed', 'ended')),
    drafted_on   TEXT CHECK (drafted_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    drafted_by   TEXT,
    approved_on  TEXT CHECK (approved_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    approved_by  TEXT,
    approver_role TEXT,
    served_on    TEXT CHECK (served_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    expires_on   TEXT CHECK (expires_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    ended_on     TEXT CHECK (ended_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    outcome      TEXT,
    -- The notice this one renews; it stays in force until this one is served.
    renews_id    INTEGER REFERENCES disruption(id),
    marthr_meeting_id INTEGER REFERENCES marthr_meeting(id),
    note         TEXT,
    created_at   TEXT NOT NULL,
    CHECK (expires_on IS NULL OR served_on IS NULL OR expires_on >= served_on),
    CHECK (status NOT IN ('served', 'renewed') OR served_on IS NOT NULL),
    CHECK (status NOT IN ('drafted', 'approved') OR served_on IS NULL),
    CHECK (status <> 'drafted' OR approved_on IS NULL),
    CHECK (status <> 'approved' OR approved_on IS NOT NULL),
    CHECK (approved_on IS NULL OR (length(trim(coalesce(approved_by, ''))) > 0
                                   AND length(trim(coalesce(approver_role, ''))) > 0)),
    CHECK ((status IN ('renewed', 'ended')) = (ended_on IS NOT NULL)),
    CHECK (status <> 'ended' OR length(trim(coalesce(outcome, ''))) > 0),
    CHECK (tool NOT IN ('cawn', 'harbouring_notice') OR child_id IS NOT NULL)
);
INSERT INTO disruption_0015 (id, ref, subject_id, child_id, tool, status, served_on, expires_on, outcome,
                             marthr_meeting_id, note, created_at)
    SELECT id, ref, subject_id, child_id, tool, 'served', served_on, expires_on, outcome, marthr_meeting_id, note, created_at
    FROM disruption;
DROP TABLE disruption;
ALTER TABLE disruption_0015 RENAME TO disruption;
CREATE INDEX disruption_by_subject ON disruption(subject_id);
CREATE INDEX disruption_by_child ON disruption(child_id) WHERE child_id IS NOT NULL;
CREATE UNIQUE INDEX disruption_one_renewal ON disruption(renews_id) WHERE renews_id IS NOT NULL;

-- A breach of a notice: the day, its record (an intelligence report, or another record's
-- reference such as a police occurrence), and what happened.
CREATE TABLE disruption_breach (
    id             INTEGER PRIMARY KEY,
    disruption_id  INTEGER NOT NULL REFERENCES disruption(id),
    breached_on    TEXT NOT NULL CHECK (breached_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    intel_id       INTEGER REFERENCES intel(id),
    record_ref     TEXT CHECK (record_ref IS NULL OR length(trim(record_ref)) > 0),
    note           TEXT NOT NULL CHECK (length(trim(note)) > 0),
    recorded_by    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    CHECK (intel_id IS NOT NULL OR record_ref IS NOT NULL)
);
CREATE INDEX disruption_breach_by_notice ON disruption_breach(disruption_id, breached_on);

-- A notice's history: each step of its life, when and by whom (an expiry moved by a
-- renewal says from when to when).
CREATE TABLE disruption_event (
    id             INTEGER PRIMARY KEY,
    disruption_id  INTEGER NOT NULL REFERENCES disruption(id),
    event          TEXT NOT NULL CHECK (event IN ('drafted', 'approved', 'served', 'breached', 'renewed', 'ended', 'outcome')),
    happened_on    TEXT NOT NULL CHECK (happened_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    recorded_by    TEXT NOT NULL,
    detail         TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX disruption_event_by_notice ON disruption_event(disruption_id, id);
