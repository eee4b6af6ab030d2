-- What a changed report touches (issue 22): the links it supports and the entities it is
-- about, whose masks and flags follow its grading and handling code.
SELECT 'link', link_id FROM link_support WHERE intel_id IN (SELECT value FROM json_each(:ids))
UNION ALL
SELECT 'entity', entity_id FROM intel_about WHERE intel_id IN (SELECT value FROM json_each(:ids));
