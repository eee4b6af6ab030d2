-- The data version: bumped by every transaction that writes graph data.
SELECT version FROM data_version WHERE id = 1;
