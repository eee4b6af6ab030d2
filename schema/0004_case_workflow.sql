-- The case workflow (seeds 003, 002, 004, 000; DOMAIN.md "The case workflow"): referrals,
-- MACCSE cases, assessments, panels and their decisions, actions, flags, NRM, MARTHR
-- meetings, the disruption register and alerts. The rules that need dates or settings
-- (working days, quoracy, review limits) are checked in CaseWorkflow; what can be said
-- about a single row is said here, so a bug cannot store a row that breaks it.
-- Never edit this file once it has landed: add a new migration instead.

-- Settings a partnership may choose where the protocols leave a choice (PartnershipSettings
-- in CaseWorkflow holds the defaults). `scope` is 'default' or a local authority's code.
CREATE TABLE workflow_setting (
    scope     TEXT PRIMARY KEY NOT NULL CHECK (scope = 'default' OR length(trim(scope)) > 0),
    settings  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings) AND json_type(settings) = 'object'),
    updated_at TEXT NOT NULL
);

-- The agencies that refer, attend panels, own actions and flags. `partner` marks the partner
-- organisations a panel's quorum counts (a family member or carer may refer, but is not one).
CREATE TABLE agency (
    code     TEXT PRIMARY KEY NOT NULL,
    name     TEXT NOT NULL,
    partner  INTEGER NOT NULL DEFAULT 1 CHECK (partner IN (0, 1))
) WITHOUT ROWID;
INSERT INTO agency (code, name, partner) VALUES
    ('police', 'Police', 1),
    ('childrens_services', 'Children''s social care', 1),
    ('health', 'Health', 1),
    ('education', 'Education', 1),
    ('youth_justice', 'Youth justice', 1),
    ('probation', 'Probation', 1),
    ('voluntary', 'Voluntary sector', 1),
    ('housing', 'Housing', 1),
    ('licensing', 'Licensing', 1),
    ('community_safety', 'Community safety', 1),
    ('family', 'Family or carer', 0),
    ('other', 'Other', 0);

-- A referral (MARF / eVPRF) to the front door of the authority where the child lives.
CREATE TABLE referral (
    id            INTEGER PRIMARY KEY,
    ref           TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    child_id      INTEGER NOT NULL REFERENCES entity(id),
    area          TEXT NOT NULL REFERENCES area(code),
    received_on   TEXT NOT NULL CHECK (received_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    referrer      TEXT NOT NULL CHECK (length(trim(referrer)) > 0),
    agency        TEXT NOT NULL REFERENCES agency(code),
    concern       TEXT NOT NULL CHECK (concern IN ('cse', 'cce', 'both')),
    outcome       TEXT CHECK (outcome IN ('no_further_action', 'signposting', 'early_help', 'section_17', 'section_47')),
    screened_on   TEXT CHECK (screened_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    immediate_risk INTEGER NOT NULL DEFAULT 0 CHECK (immediate_risk IN (0, 1)),
    -- A new CE concern within the repeat window (12 months by default) of the child
    -- leaving MACCSE: the case they left is named.
    repeat_of     INTEGER REFERENCES ce_case(id),
    note          TEXT,
    created_at    TEXT NOT NULL,
    CHECK ((outcome IS NULL) = (screened_on IS NULL)),
    CHECK (screened_on IS NULL OR screened_on >= received_on)
);
CREATE INDEX referral_by_child ON referral(child_id, received_on);
CREATE INDEX referral_by_area ON referral(area, received_on);

-- A child's time on MACCSE: opened from a referral, closed by a panel decision.
CREATE TABLE ce_case (
    id            INTEGER PRIMARY KEY,
    ref           TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    child_id      INTEGER NOT NULL REFERENCES entity(id),
    area          TEXT NOT NULL REFERENCES area(code),
    referral_id   INTEGER REFERENCES referral(id),
    concern       TEXT NOT NULL CHECK (concern IN ('cse', 'cce', 'both')),
    opened_on     TEXT NOT NULL CHECK (opened_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    strategy_meeting_on TEXT CHECK (strategy_meeting_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    review_on     TEXT CHECK (review_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    transitions_plan_on TEXT CHECK (transitions_plan_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_on     TEXT CHECK (closed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    closure       TEXT CHECK (closure IN ('risk_reduced', 'reached_18', 'unable_to_engage', 'no_consent', 'signposted', 'moved_area', 'other')),
    closing_risk  TEXT,
    created_at    TEXT NOT NULL,
    CHECK ((status = 'open') = (closed_on IS NULL)),
    CHECK ((status = 'open') = (closure IS NULL)),
    CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
-- A child has at most one open MACCSE case.
CREATE UNIQUE INDEX ce_case_open_per_child ON ce_case(child_id) WHERE status = 'open';
CREATE INDEX ce_case_by_child ON ce_case(child_id, opened_on);
CREATE INDEX ce_case_by_area ON ce_case(area, status);

-- A multi-agency child exploitation assessment, recorded against the partnership's risk
-- framework. Its answers are kept as given; `risk` is the outcome the framework's rules
-- gave. What it names (adults, children, places, handles, phones) is written to the graph
-- with the intelligence row `intel_id` as provenance.
CREATE TABLE assessment (
    id              INTEGER PRIMARY KEY,
    ref             TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    case_id         INTEGER NOT NULL REFERENCES ce_case(id),
    framework       TEXT NOT NULL CHECK (framework IN ('merseyside', 'llr', 'seraf')),
    assessed_on     TEXT NOT NULL CHECK (assessed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    kind            TEXT NOT NULL CHECK (kind IN ('new', 'review')),
    concern         TEXT NOT NULL CHECK (concern IN ('cse', 'cce', 'both')),
    agencies        TEXT NOT NULL CHECK (json_valid(agencies) AND json_type(agencies) = 'array' AND json_array_length(agencies) >= 2),
    answers         TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'object'),
    risk            TEXT NOT NULL,
    immediate_action INTEGER NOT NULL CHECK (immediate_action IN (0, 1)),
    outcome         TEXT NOT NULL CHECK (json_valid(outcome)),
    intel_id        INTEGER REFERENCES intel(id),
    created_at      TEXT NOT NULL
);
CREATE INDEX assessment_by_case ON assessment(case_id, assessed_on);

-- A MACCSE (MACSE, MSET) panel meeting.
CREATE TABLE panel_meeting (
    id               INTEGER PRIMARY KEY,
    ref              TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    area             TEXT NOT NULL REFERENCES area(code),
    held_on          TEXT NOT NULL CHECK (held_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    starts_at        TEXT NOT NULL DEFAULT '10:00' CHECK (starts_at GLOB '[0-2][0-9]:[0-5][0-9]'),
    co_chairs        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(co_chairs) AND json_type(co_chairs) = 'array'),
    agenda_due_on    TEXT NOT NULL CHECK (agenda_due_on <= held_on),
    agenda_sent_on   TEXT CHECK (agenda_sent_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    minutes          TEXT,
    status           TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
    created_at       TEXT NOT NULL
);
CREATE INDEX panel_meeting_by_area ON panel_meeting(area, held_on);

-- Who attended, for which agency, and whether they signed the confidentiality statement.
CREATE TABLE panel_attendee (
    meeting_id   INTEGER NOT NULL REFERENCES panel_meeting(id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    agency       TEXT NOT NULL REFERENCES agency(code),
    signed_confidentiality INTEGER NOT NULL CHECK (signed_confidentiality IN (0, 1)),
    PRIMARY KEY (meeting_id, name)
) WITHOUT ROWID;

-- The agenda: one row per case item, with its time slot.
CREATE TABLE agenda_item (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES panel_meeting(id) ON DELETE CASCADE,
    case_id      INTEGER NOT NULL REFERENCES ce_case(id),
    item         TEXT NOT NULL CHECK (item IN ('new_assessment', 'review', 'nrm', 'marthr_feedback', 'alert')),
    reason       TEXT NOT NULL,
    slot         TEXT NOT NULL CHECK (slot GLOB '[0-2][0-9]:[0-5][0-9]'),
    minutes      INTEGER NOT NULL CHECK (minutes > 0),
    position     INTEGER NOT NULL,
    UNIQUE (meeting_id, case_id, item)
);

-- What a panel decided about a case.
CREATE TABLE panel_decision (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES panel_meeting(id),
    case_id         INTEGER NOT NULL REFERENCES ce_case(id),
    decision        TEXT NOT NULL CHECK (decision IN ('review', 'remove', 'remove_keep_police_flag',
                        'closed_unable_to_engage', 'escalate', 'signpost')),
    review_on       TEXT CHECK (review_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    reason          TEXT,
    police_flag_until TEXT CHECK (police_flag_until GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    risk            TEXT,
    note            TEXT,
    created_at      TEXT NOT NULL,
    CHECK (decision <> 'review' OR review_on IS NOT NULL),
    CHECK (decision <> 'remove_keep_police_flag' OR police_flag_until IS NOT NULL)
);
CREATE INDEX panel_decision_by_case ON panel_decision(case_id);

-- MARTHR (Multi-Agency Response to Threat, Harm, Risk) meetings, chaired by police.
CREATE TABLE marthr_meeting (
    id          INTEGER PRIMARY KEY,
    ref         TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    held_on     TEXT NOT NULL CHECK (held_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    chair       TEXT NOT NULL CHECK (length(trim(chair)) > 0),
    force       TEXT REFERENCES area(code),
    status      TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
    created_at  TEXT NOT NULL
);

-- A person, network or location nominated to a MARTHR meeting, and the chair's decision.
CREATE TABLE marthr_nomination (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES marthr_meeting(id),
    subject_id    INTEGER NOT NULL REFERENCES entity(id),
    source        TEXT NOT NULL CHECK (source IN ('query', 'panel', 'partner')),
    case_id       INTEGER REFERENCES ce_case(id),
    criteria      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(criteria) AND json_type(criteria) = 'array'),
    evidence      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence) AND json_type(evidence) = 'array'),
    score         REAL,
    nominated_by  TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined')),
    decision_reason TEXT,
    created_at    TEXT NOT NULL,
    UNIQUE (meeting_id, subject_id),
    CHECK (status = 'proposed' OR length(trim(coalesce(decision_reason, ''))) > 0),
    CHECK (source <> 'panel' OR case_id IS NOT NULL)
);

-- Actions from either forum, carried to the next meeting until done.
CREATE TABLE workflow_action (
    id              INTEGER PRIMARY KEY,
    ref             TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    panel_meeting_id  INTEGER REFERENCES panel_meeting(id),
    marthr_meeting_id INTEGER REFERENCES marthr_meeting(id),
    case_id         INTEGER REFERENCES ce_case(id),
    subject_id      INTEGER REFERENCES entity(id),
    category        TEXT CHECK (category IN ('take_action', 'with_partners', 'gather_intelligence')),
    text            TEXT NOT NULL CHECK (length(trim(text)) > 0),
    owner_agency    TEXT NOT NULL REFERENCES agency(code),
    due_on          TEXT NOT NULL CHECK (due_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    closed_on       TEXT CHECK (closed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    update_note     TEXT,
    created_at      TEXT NOT NULL,
    CHECK ((panel_meeting_id IS NULL) <> (marthr_meeting_id IS NULL)),
    CHECK (marthr_meeting_id IS NULL OR category IS NOT NULL),
    CHECK ((status = 'open') = (closed_on IS NULL))
);
CREATE INDEX workflow_action_open ON workflow_action(status, due_on);

-- Flags on children, adults, locations and vehicles. A police flag stays on police systems for a
-- retention period after removal (six months by default): `expires_on`.
CREATE TABLE flag (
    id              INTEGER PRIMARY KEY,
    entity_id       INTEGER NOT NULL REFERENCES entity(id),
    flag            TEXT NOT NULL CHECK (flag IN ('cse', 'cce', 'ce', 'location_of_concern', 'adult_of_concern', 'vehicle_of_concern')),
    owner_agency    TEXT NOT NULL REFERENCES agency(code),
    set_on          TEXT NOT NULL CHECK (set_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    set_by_decision INTEGER REFERENCES panel_decision(id),
    review_on       TEXT CHECK (review_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    removed_on      TEXT CHECK (removed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    removed_by_decision INTEGER REFERENCES panel_decision(id),
    expires_on      TEXT CHECK (expires_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    created_at      TEXT NOT NULL,
    CHECK (removed_on IS NULL OR removed_on >= set_on),
    CHECK (expires_on IS NULL OR (removed_on IS NOT NULL AND expires_on >= removed_on)),
    CHECK (owner_agency <> 'police' OR removed_on IS NULL OR expires_on IS NOT NULL)
);
CREATE INDEX flag_by_entity ON flag(entity_id);
CREATE UNIQUE INDEX flag_active ON flag(entity_id, flag, owner_agency) WHERE removed_on IS NULL;

-- National Referral Mechanism tracking, one row per case, its stages as events.
CREATE TABLE nrm (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL UNIQUE REFERENCES ce_case(id),
    stage               TEXT NOT NULL CHECK (stage IN ('needs_referral', 'referred',
                            'positive_reasonable_grounds', 'conclusive_grounds', 'negative')),
    stage_on            TEXT NOT NULL CHECK (stage_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    submitted_on        TEXT CHECK (submitted_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    multi_agency_forum  INTEGER CHECK (multi_agency_forum IN (0, 1)),
    updated_at          TEXT NOT NULL
);
CREATE TABLE nrm_event (
    nrm_id      INTEGER NOT NULL REFERENCES nrm(id),
    stage       TEXT NOT NULL,
    stage_on    TEXT NOT NULL,
    note        TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX nrm_event_by_nrm ON nrm_event(nrm_id);

-- The disruption register: notices, orders and licensing action against a subject.
CREATE TABLE disruption (
    id           INTEGER PRIMARY KEY,
    ref          TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),
    subject_id   INTEGER NOT NULL REFERENCES entity(id),
    child_id     INTEGER REFERENCES entity(id),
    tool         TEXT NOT NULL CHECK (tool IN ('cawn', 'cce_warning_notice', 'harbouring_notice', 'licensing',
                     'closure_order', 'asb_power', 'abduction_order', 'other')),
    served_on    TEXT NOT NULL CHECK (served_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    expires_on   TEXT CHECK (expires_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    outcome      TEXT,
    marthr_meeting_id INTEGER REFERENCES marthr_meeting(id),
    note         TEXT,
    created_at   TEXT NOT NULL,
    CHECK (expires_on IS NULL OR expires_on >= served_on)
);
CREATE INDEX disruption_by_subject ON disruption(subject_id);

-- MARTHR's feedback to MACCSE about a case; it joins the case's next panel agenda.
CREATE TABLE marthr_feedback (
    id                INTEGER PRIMARY KEY,
    marthr_meeting_id INTEGER NOT NULL REFERENCES marthr_meeting(id),
    case_id           INTEGER NOT NULL REFERENCES ce_case(id),
    text              TEXT NOT NULL CHECK (length(trim(text)) > 0),
    panel_meeting_id  INTEGER REFERENCES panel_meeting(id),
    created_at        TEXT NOT NULL
);

-- Alerts raised from the graph; each is a review task until someone reviews it. `key`
-- names what the alert is about, so the same finding is raised once.
CREATE TABLE alert (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('adult_newly_linked_to_child', 'cawn_subject_new_child',
                     'child_linked_across_authorities', 'vehicle_at_locations_of_concern')),
    key          TEXT NOT NULL UNIQUE,
    entity_ids   TEXT NOT NULL CHECK (json_valid(entity_ids) AND json_type(entity_ids) = 'array'),
    detail       TEXT NOT NULL,
    raised_on    TEXT NOT NULL CHECK (raised_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    data_version INTEGER NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reviewed', 'dismissed')),
    reviewed_by  TEXT,
    review_note  TEXT,
    created_at   TEXT NOT NULL,
    CHECK (status = 'open' OR length(trim(coalesce(review_note, ''))) > 0)
);
CREATE INDEX alert_open ON alert(status);

-- Each alert scan: when it ran, from which day links counted as new, and what it raised.
CREATE TABLE alert_scan (
    id           INTEGER PRIMARY KEY,
    scanned_on   TEXT NOT NULL CHECK (scanned_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    since        TEXT NOT NULL CHECK (since GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    data_version INTEGER NOT NULL,
    raised       INTEGER NOT NULL CHECK (raised >= 0),
    created_at   TEXT NOT NULL
);
