-- The entity an id names: its own id or any id merged into it.
SELECT entity_id FROM ref WHERE ref = ?1 AND entity_id IS NOT NULL;
