-- A counter that every write of graph data increments in its own transaction, so that the
-- query engine's in-memory snapshot knows when it is stale without rereading the tables.
-- SQLite has no statement-level triggers and a row trigger would cost a write per link on
-- a bulk load, so writers bump it once per transaction (Store.bumpDataVersion).
CREATE TABLE data_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL CHECK (version >= 0)
);
INSERT INTO data_version (id, version) VALUES (1, 0);
