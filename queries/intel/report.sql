-- Intelligence reports as the entry pages read and edit them (GraphServer), with the
-- earlier versions an edit keeps (schema/0006_intel_history.sql).

-- name: by_ref
SELECT i.id, i.ref, i.date, i.source_evaluation, i.intelligence_assessment, i.handling_code, i.handling_conditions,
       i.submitted_by, i.agency, i.text, i.legacy_grading, i.created_at, i.updated_at
FROM intel i WHERE i.ref = :ref;

-- name: about
-- With each entity's area and that area's force, for need-to-know.
SELECT e.ref, e.kind, e.label, e.area, ea.force, a.harm FROM intel_about a JOIN entity e ON e.id = a.entity_id
LEFT JOIN area ea ON ea.code = e.area
WHERE a.intel_id = :intel ORDER BY e.kind, e.label, e.ref;

-- name: links
-- The links the report supports, whatever else supports them too.
SELECT l.kind, l.first_seen, l.last_seen, l.note, s.concern,
       f.ref AS from_ref, f.kind AS from_kind, f.label AS from_label, f.area AS from_area, fa.force AS from_force,
       t.ref AS to_ref, t.kind AS to_kind, t.label AS to_label, t.area AS to_area, ta.force AS to_force
FROM link_support s JOIN link l ON l.id = s.link_id
JOIN entity f ON f.id = l.from_id JOIN entity t ON t.id = l.to_id
LEFT JOIN area fa ON fa.code = f.area LEFT JOIN area ta ON ta.code = t.area
WHERE s.intel_id = :intel ORDER BY l.kind, f.ref, t.ref;

-- name: history
SELECT version, fields, changed_by, changed_at, reason FROM intel_history
WHERE intel_id = :intel ORDER BY version DESC;

-- name: keep_version
-- Keeps the report as it stands, before an edit replaces it, as the next version number.
INSERT INTO intel_history (intel_id, version, fields, changed_by, changed_at, reason)
SELECT i.id,
       coalesce((SELECT max(h.version) FROM intel_history h WHERE h.intel_id = i.id), 0) + 1,
       json_object('date', i.date, 'source_evaluation', i.source_evaluation,
                   'intelligence_assessment', i.intelligence_assessment, 'handling_code', i.handling_code,
                   'handling_conditions', i.handling_conditions, 'submitted_by', i.submitted_by,
                   'agency', i.agency, 'text', i.text, 'legacy_grading', i.legacy_grading,
                   'about', json(coalesce((SELECT json_group_array(e.ref) FROM intel_about a JOIN entity e ON e.id = a.entity_id
                                           WHERE a.intel_id = i.id), '[]')),
                   'updated_at', i.updated_at),
       :changed_by, :now, :reason
FROM intel i WHERE i.id = :intel;

-- name: areas
-- The local authorities an entity entered on the spot may belong to.
SELECT code, name FROM area WHERE area_type = 'local_authority' ORDER BY name;
