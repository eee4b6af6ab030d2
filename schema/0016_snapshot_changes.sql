-- Changes to what the query snapshot holds, kept so that a running engine applies them to
-- its snapshot instead of reading the whole graph again (issue 22). Triggers write one row
-- per changed entity, link or report, whatever process writes (the service, an import, a
-- second service); the engine reads the rows after the sequence number its snapshot was
-- read at. `all` asks for a full read (areas changed, or a bulk import); while the row with
-- seq 0 (`bulk`) exists, a bulk import is writing and the triggers stay quiet (the import
-- ends by deleting it and adding `all`). The table keeps the latest 200,000 rows; an engine
-- further behind reads the whole graph.
-- Never edit this file once it has landed.

CREATE TABLE snapshot_change (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    kind    TEXT NOT NULL CHECK (kind IN ('entity', 'link', 'intel', 'all', 'bulk')),
    row_id  INTEGER
);

CREATE TRIGGER snapshot_change_entity_insert AFTER INSERT ON entity
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', NEW.id);
END;

CREATE TRIGGER snapshot_change_entity_update AFTER UPDATE ON entity
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', NEW.id);
END;

CREATE TRIGGER snapshot_change_entity_delete AFTER DELETE ON entity
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', OLD.id);
END;

CREATE TRIGGER snapshot_change_link_insert AFTER INSERT ON link
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('link', NEW.id);
END;

CREATE TRIGGER snapshot_change_link_update AFTER UPDATE ON link
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('link', NEW.id);
END;

CREATE TRIGGER snapshot_change_link_delete AFTER DELETE ON link
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('link', OLD.id);
END;

CREATE TRIGGER snapshot_change_intel_insert AFTER INSERT ON intel
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('intel', NEW.id);
END;

CREATE TRIGGER snapshot_change_intel_update AFTER UPDATE ON intel
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('intel', NEW.id);
END;

CREATE TRIGGER snapshot_change_intel_delete AFTER DELETE ON intel
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('intel', OLD.id);
END;

CREATE TRIGGER snapshot_change_support_insert AFTER INSERT ON link_support
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('link', NEW.link_id);
END;

CREATE TRIGGER snapshot_change_support_update AFTER UPDATE ON link_support
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('link', NEW.link_id);
END;

CREATE TRIGGER snapshot_change_support_delete AFTER DELETE ON link_support
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('link', OLD.link_id);
END;

CREATE TRIGGER snapshot_change_about_insert AFTER INSERT ON intel_about
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', NEW.entity_id);
END;

CREATE TRIGGER snapshot_change_about_update AFTER UPDATE ON intel_about
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', NEW.entity_id);
END;

CREATE TRIGGER snapshot_change_about_delete AFTER DELETE ON intel_about
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', OLD.entity_id);
END;

-- An update moving a link or a report's subject touches both the old and the new row.

CREATE TRIGGER snapshot_change_link_moved_update AFTER UPDATE ON link
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0) AND OLD.id <> NEW.id
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('link', OLD.id);
END;

CREATE TRIGGER snapshot_change_about_moved_update AFTER UPDATE ON intel_about
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0) AND OLD.entity_id <> NEW.entity_id
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', OLD.entity_id);
END;

CREATE TRIGGER snapshot_change_support_moved_update AFTER UPDATE ON link_support
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0) AND OLD.link_id <> NEW.link_id
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('link', OLD.link_id);
END;

-- Areas: rare, and every entity's area index moves with them.

CREATE TRIGGER snapshot_change_area_insert AFTER INSERT ON area
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('all', NULL);
END;

CREATE TRIGGER snapshot_change_area_update AFTER UPDATE ON area
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('all', NULL);
END;

CREATE TRIGGER snapshot_change_area_delete AFTER DELETE ON area
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('all', NULL);
END;

-- The case work the snapshot reads about a child or an adult (snapshot_entities.sql,
-- snapshot_risk_events.sql).

CREATE TRIGGER snapshot_change_flag_insert AFTER INSERT ON flag
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', NEW.entity_id);
END;

CREATE TRIGGER snapshot_change_flag_update AFTER UPDATE ON flag
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', NEW.entity_id);
END;

CREATE TRIGGER snapshot_change_flag_delete AFTER DELETE ON flag
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', OLD.entity_id);
END;

CREATE TRIGGER snapshot_change_nomination_insert AFTER INSERT ON marthr_nomination
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', NEW.subject_id);
END;

CREATE TRIGGER snapshot_change_nomination_update AFTER UPDATE ON marthr_nomination
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', NEW.subject_id);
END;

CREATE TRIGGER snapshot_change_nomination_delete AFTER DELETE ON marthr_nomination
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', OLD.subject_id);
END;

CREATE TRIGGER snapshot_change_case_insert AFTER INSERT ON ce_case
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', NEW.child_id);
END;

CREATE TRIGGER snapshot_change_case_update AFTER UPDATE ON ce_case
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', NEW.child_id);
END;

CREATE TRIGGER snapshot_change_case_delete AFTER DELETE ON ce_case
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', OLD.child_id);
END;

CREATE TRIGGER snapshot_change_assessment_insert AFTER INSERT ON assessment
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', (SELECT child_id FROM ce_case WHERE id = NEW.case_id));
END;

CREATE TRIGGER snapshot_change_assessment_update AFTER UPDATE ON assessment
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', (SELECT child_id FROM ce_case WHERE id = NEW.case_id));
END;

CREATE TRIGGER snapshot_change_assessment_delete AFTER DELETE ON assessment
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', (SELECT child_id FROM ce_case WHERE id = OLD.case_id));
END;

CREATE TRIGGER snapshot_change_panel_decision_insert AFTER INSERT ON panel_decision
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', (SELECT child_id FROM ce_case WHERE id = NEW.case_id));
END;

CREATE TRIGGER snapshot_change_panel_decision_update AFTER UPDATE ON panel_decision
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', (SELECT child_id FROM ce_case WHERE id = NEW.case_id));
END;

CREATE TRIGGER snapshot_change_panel_decision_delete AFTER DELETE ON panel_decision
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) VALUES ('entity', (SELECT child_id FROM ce_case WHERE id = OLD.case_id));
END;

CREATE TRIGGER snapshot_change_panel_meeting_update AFTER UPDATE OF held_on ON panel_meeting
WHEN NOT EXISTS (SELECT 1 FROM snapshot_change WHERE seq = 0)
BEGIN
    INSERT INTO snapshot_change (kind, row_id) SELECT 'entity', c.child_id FROM panel_decision d JOIN ce_case c ON c.id = d.case_id WHERE d.meeting_id = NEW.id;
END;

-- What the snapshot reads of each entity and each child's record, as views, so that a full
-- read (snapshot_entities.sql, snapshot_risk_events.sql) and a delta's read of a few rows
-- (snapshot_delta_*.sql) share one definition.
CREATE VIEW snapshot_entity_row (id, ref, kind, label, area, risk, of_concern, operation_status, operation_closed,
                                 created_at, open_case, place_of_concern) AS
SELECT e.id,
       e.ref,
       e.kind,
       e.label,
       e.area,
       CASE WHEN e.kind = 'child' THEN e.attrs ->> 'risk' END,
       -- An adult is of concern only where something records it (MARTHR, issue 20): the
       -- submitting system's `of_concern: true`, a perpetrator or adult-of-concern flag, a
       -- flag set through MACCSE, or a subject MARTHR accepted. Intelligence suggesting
       -- harm, a link recorded as a concern and an active operation are added by the loader.
       CASE WHEN e.kind = 'adult' THEN
           coalesce(e.attrs ->> 'of_concern', 0) = 1
           OR EXISTS (SELECT 1 FROM json_each(e.attrs, '$.flags') f
                      WHERE f.value IN ('ce_perpetrator', 'cse_perpetrator', 'cce_perpetrator', 'adult_of_concern'))
           OR EXISTS (SELECT 1 FROM flag g WHERE g.entity_id = e.id AND g.flag = 'adult_of_concern' AND g.removed_on IS NULL)
           OR EXISTS (SELECT 1 FROM marthr_nomination n WHERE n.subject_id = e.id AND n.status = 'accepted')
       END,
       CASE WHEN e.kind = 'operation' THEN e.attrs ->> 'status' END,
       CASE WHEN e.kind = 'operation' THEN e.attrs ->> 'closed' END,
       e.created_at,
       -- An open MACCSE case makes a child "at risk" today, whatever the risk level recorded
       -- (the child's record over time is read by snapshot_risk_events).
       CASE WHEN e.kind = 'child' THEN EXISTS (SELECT 1 FROM ce_case c WHERE c.child_id = e.id AND c.status = 'open') END,
       -- A place flagged as a location of concern (MARTHR criterion 4).
       CASE WHEN e.kind = 'location' THEN
           EXISTS (SELECT 1 FROM json_each(e.attrs, '$.flags') f WHERE f.value = 'location_of_concern')
           OR EXISTS (SELECT 1 FROM flag g WHERE g.entity_id = e.id AND g.flag = 'location_of_concern' AND g.removed_on IS NULL)
       END
FROM entity e;

CREATE VIEW snapshot_risk_event_row (child_id, day, event, detail, closing, ord, seq) AS
SELECT child_id, day, event, detail, closing, ord, seq FROM (
    SELECT c.child_id, c.opened_on AS day, 'open' AS event, NULL AS detail, NULL AS closing, 0 AS ord, c.id AS seq
    FROM ce_case c
    UNION ALL
    SELECT c.child_id, a.assessed_on, 'level', a.risk, NULL, 1, a.id
    FROM assessment a JOIN ce_case c ON c.id = a.case_id
    UNION ALL
    SELECT c.child_id, m.held_on, 'level', d.risk, NULL, 2, d.id
    FROM panel_decision d JOIN panel_meeting m ON m.id = d.meeting_id JOIN ce_case c ON c.id = d.case_id
    WHERE d.risk IS NOT NULL
    UNION ALL
    SELECT c.child_id, c.closed_on, 'closed', c.closure, c.closing_risk, 3, c.id
    FROM ce_case c WHERE c.status = 'closed'
);
