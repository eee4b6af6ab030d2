-- cegraph core schema: areas, entities and their ids, intelligence, links, provenance.
-- Invariants live here so that a row that breaks the rules cannot be inserted, even by a
-- bug in Swift. Never edit this file once it has landed: add a new migration instead.

-- Local authorities and police forces. A local authority names its force.
CREATE TABLE area (
    code       TEXT PRIMARY KEY NOT NULL CHECK (length(trim(code)) > 0),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    area_type  TEXT NOT NULL CHECK (area_type IN ('local_authority', 'police_force')),
    force      TEXT REFERENCES area(code),
    attrs      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs) AND json_type(attrs) = 'object'),
    CHECK ((area_type = 'police_force' AND force IS NULL)
        OR (area_type = 'local_authority' AND force IS NOT NULL))
);

-- The entity kinds and link rules, as data, so that SQL can check them.
CREATE TABLE entity_kind (
    kind TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;
INSERT INTO entity_kind (kind) VALUES
    ('child'), ('adult'), ('vehicle'), ('location'), ('handle'), ('phone'), ('group'), ('operation');

CREATE TABLE link_rule (
    kind      TEXT NOT NULL,
    from_kind TEXT NOT NULL REFERENCES entity_kind(kind),
    to_kind   TEXT NOT NULL REFERENCES entity_kind(kind),
    PRIMARY KEY (kind, from_kind, to_kind)
) WITHOUT ROWID;
INSERT INTO link_rule (kind, from_kind, to_kind)
    SELECT k.kind, f.kind, t.kind
    FROM (SELECT 'associates_with' AS kind UNION ALL SELECT 'sibling_of' UNION ALL SELECT 'parent_of') k,
         (SELECT 'child' AS kind UNION ALL SELECT 'adult') f,
         (SELECT 'child' AS kind UNION ALL SELECT 'adult') t;
INSERT INTO link_rule (kind, from_kind, to_kind)
    SELECT k.kind, f.kind, 'location'
    FROM (SELECT 'lives_at' AS kind UNION ALL SELECT 'frequents' UNION ALL SELECT 'works_at' UNION ALL SELECT 'owns') k,
         (SELECT 'child' AS kind UNION ALL SELECT 'adult') f;
INSERT INTO link_rule (kind, from_kind, to_kind) VALUES
    ('found_at', 'child', 'location'),
    ('taken_to', 'child', 'location'),
    ('seen_at', 'vehicle', 'location');
INSERT INTO link_rule (kind, from_kind, to_kind)
    SELECT k.kind, f.kind, 'vehicle'
    FROM (SELECT 'drives' AS kind UNION ALL SELECT 'registered_keeper_of' UNION ALL SELECT 'passenger_in') k,
         (SELECT 'child' AS kind UNION ALL SELECT 'adult') f;
INSERT INTO link_rule (kind, from_kind, to_kind) VALUES
    ('uses_handle', 'child', 'handle'), ('uses_handle', 'adult', 'handle'),
    ('uses_phone', 'child', 'phone'), ('uses_phone', 'adult', 'phone'), ('uses_phone', 'group', 'phone'),
    ('contacted', 'phone', 'phone'), ('contacted', 'phone', 'handle'),
    ('contacted', 'handle', 'phone'), ('contacted', 'handle', 'handle'),
    ('member_of', 'child', 'group'), ('member_of', 'adult', 'group');
INSERT INTO link_rule (kind, from_kind, to_kind)
    SELECT 'subject_of', kind, 'operation' FROM entity_kind WHERE kind <> 'operation';

-- An entity. `ref` is the first id it was submitted under; `key` the normalised key of a
-- vehicle (VRM), phone (E.164) or handle (platform:handle); `attrs` every field given.
CREATE TABLE entity (
    id          INTEGER PRIMARY KEY,
    ref         TEXT NOT NULL UNIQUE CHECK (length(ref) > 0),
    kind        TEXT NOT NULL REFERENCES entity_kind(kind),
    key         TEXT,
    label       TEXT NOT NULL,
    area        TEXT REFERENCES area(code),
    aliases     TEXT NOT NULL DEFAULT '',
    keys        TEXT NOT NULL DEFAULT '',
    attrs       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs) AND json_type(attrs) = 'object'),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((kind IN ('vehicle', 'phone', 'handle')) = (key IS NOT NULL)),
    CHECK (kind <> 'phone' OR key GLOB '+[1-9][0-9][0-9][0-9][0-9][0-9][0-9]*'),
    CHECK (kind <> 'vehicle' OR (key = upper(key) AND key NOT GLOB '*[^A-Z0-9]*')),
    CHECK (kind <> 'child' OR attrs ->> 'risk' IS NULL OR attrs ->> 'risk' IN (
        'merseyside:1', 'merseyside:2', 'merseyside:3', 'merseyside:4', 'merseyside:5',
        'merseyside:6', 'merseyside:7', 'merseyside:8', 'merseyside:9', 'merseyside:10',
        'llr:at_risk', 'llr:medium', 'llr:high',
        'seraf:not_at_risk', 'seraf:mild', 'seraf:moderate', 'seraf:significant'))
);
CREATE UNIQUE INDEX entity_by_key ON entity(kind, key) WHERE key IS NOT NULL;
CREATE INDEX entity_by_kind ON entity(kind);

-- Intelligence reports, graded 3x5x2.
CREATE TABLE intel (
    id                       INTEGER PRIMARY KEY,
    ref                      TEXT NOT NULL UNIQUE CHECK (length(ref) > 0),
    date                     TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    source_evaluation        TEXT NOT NULL CHECK (source_evaluation IN ('1', '2', '3')),
    intelligence_assessment  TEXT NOT NULL CHECK (intelligence_assessment IN ('A', 'B', 'C', 'D', 'E')),
    handling_code            TEXT NOT NULL CHECK (handling_code IN ('P', 'C')),
    handling_conditions      TEXT,
    submitted_by             TEXT,
    agency                   TEXT,
    text                     TEXT,
    legacy_grading           TEXT,
    attrs                    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs) AND json_type(attrs) = 'object'),
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    CHECK (handling_code = 'P' OR length(trim(coalesce(handling_conditions, ''))) > 0)
);

-- Every id a record was submitted under: an entity's own, ids merged into it by key, and
-- intelligence ids. Ids are unique across all records (FORMAT.md §1).
CREATE TABLE ref (
    ref        TEXT PRIMARY KEY NOT NULL,
    entity_id  INTEGER REFERENCES entity(id) ON DELETE CASCADE,
    intel_id   INTEGER REFERENCES intel(id) ON DELETE CASCADE,
    CHECK ((entity_id IS NULL) <> (intel_id IS NULL))
) WITHOUT ROWID;
CREATE INDEX ref_by_entity ON ref(entity_id) WHERE entity_id IS NOT NULL;

-- The entities a report is about.
CREATE TABLE intel_about (
    intel_id   INTEGER NOT NULL REFERENCES intel(id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    PRIMARY KEY (intel_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX intel_about_by_entity ON intel_about(entity_id);

-- A dated, typed link, identified by (from, to, kind) as submitted.
CREATE TABLE link (
    id          INTEGER PRIMARY KEY,
    from_id     INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    to_id       INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    first_seen  TEXT CHECK (first_seen GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    last_seen   TEXT CHECK (last_seen GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    note        TEXT,
    attrs       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs) AND json_type(attrs) = 'object'),
    created_at  TEXT NOT NULL,
    CHECK (from_id <> to_id),
    CHECK (first_seen IS NULL OR last_seen IS NULL OR first_seen <= last_seen)
);
CREATE UNIQUE INDEX link_identity ON link(from_id, to_id, kind);
CREATE INDEX link_by_to ON link(to_id, from_id);

-- A link's endpoints must fit its kind (FORMAT.md §1, "Links").
CREATE TRIGGER link_endpoints_insert BEFORE INSERT ON link
WHEN NOT EXISTS (
    SELECT 1 FROM link_rule
    WHERE kind = NEW.kind
      AND from_kind = (SELECT kind FROM entity WHERE id = NEW.from_id)
      AND to_kind = (SELECT kind FROM entity WHERE id = NEW.to_id))
BEGIN
    SELECT RAISE(ABORT, 'link kind does not fit the kinds of its endpoints');
END;
-- A link is identified by its ends and kind: those never change (a corrected link is a new
-- link), so the check above holds for every row.
CREATE TRIGGER link_identity_fixed BEFORE UPDATE OF from_id, to_id, kind ON link
WHEN NEW.from_id IS NOT OLD.from_id OR NEW.to_id IS NOT OLD.to_id OR NEW.kind IS NOT OLD.kind
BEGIN
    SELECT RAISE(ABORT, 'a link''s ends and kind cannot change; add a new link instead');
END;
-- An entity's kind never changes: its links were checked against it.
CREATE TRIGGER entity_kind_fixed BEFORE UPDATE OF kind ON entity
WHEN NEW.kind <> OLD.kind
BEGIN
    SELECT RAISE(ABORT, 'an entity''s kind cannot change');
END;

-- Provenance: the intelligence that supports a link.
CREATE TABLE link_support (
    link_id   INTEGER NOT NULL REFERENCES link(id) ON DELETE CASCADE,
    intel_id  INTEGER NOT NULL REFERENCES intel(id) ON DELETE CASCADE,
    PRIMARY KEY (link_id, intel_id)
) WITHOUT ROWID;
CREATE INDEX link_support_by_intel ON link_support(intel_id);

-- Full-text search over names, aliases, VRMs, phone numbers, handles and postcodes.
CREATE VIRTUAL TABLE entity_fts USING fts5(
    label, aliases, keys,
    content = 'entity', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER entity_fts_insert AFTER INSERT ON entity BEGIN
    INSERT INTO entity_fts(rowid, label, aliases, keys) VALUES (NEW.id, NEW.label, NEW.aliases, NEW.keys);
END;
CREATE TRIGGER entity_fts_delete AFTER DELETE ON entity BEGIN
    INSERT INTO entity_fts(entity_fts, rowid, label, aliases, keys) VALUES ('delete', OLD.id, OLD.label, OLD.aliases, OLD.keys);
END;
CREATE TRIGGER entity_fts_update AFTER UPDATE OF label, aliases, keys ON entity BEGIN
    INSERT INTO entity_fts(entity_fts, rowid, label, aliases, keys) VALUES ('delete', OLD.id, OLD.label, OLD.aliases, OLD.keys);
    INSERT INTO entity_fts(rowid, label, aliases, keys) VALUES (NEW.id, NEW.label, NEW.aliases, NEW.keys);
END;

-- The audit log (DPA 2018 s.62): append-only, each row hash-chained to the one before.
CREATE TABLE audit_log (
    seq            INTEGER PRIMARY KEY,
    at             TEXT NOT NULL CHECK (at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T*Z'),
    operation      TEXT NOT NULL CHECK (operation IN
                       ('collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure')),
    actor          TEXT NOT NULL CHECK (length(trim(actor)) > 0),
    justification  TEXT NOT NULL CHECK (length(trim(justification)) > 0),
    records        TEXT NOT NULL CHECK (json_valid(records)),
    recipients     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients)),
    prev_hash      TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash           TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
