-- Verso schema 5: pruned and erased content. The version row, its hash and its chain hash stay; a
-- removal row says the bytes are gone, by whom, when and why.

-- A version may now outlive its blob, so versions.hash can no longer reference blobs. SQLite cannot
-- drop a constraint: the table is rebuilt (the migration runner turns foreign keys off around it).
CREATE TABLE versions_rebuilt (
    entity_pk      INTEGER NOT NULL REFERENCES entities (entity_pk),
    version        INTEGER NOT NULL,
    hash           TEXT NOT NULL,      -- the content's SHA-256; its blob is gone once the content was removed
    saved_by       TEXT NOT NULL,
    saved_at       INTEGER NOT NULL,   -- microseconds since the Unix epoch, UTC
    message        TEXT,
    operation      TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    revert_of      INTEGER,
    chain_hash     TEXT,
    seq            INTEGER,
    PRIMARY KEY (entity_pk, version)
) WITHOUT ROWID;

INSERT INTO versions_rebuilt (entity_pk, version, hash, saved_by, saved_at, message, operation, schema_version, revert_of, chain_hash, seq)
SELECT entity_pk, version, hash, saved_by, saved_at, message, operation, schema_version, revert_of, chain_hash, seq FROM versions;

DROP TABLE versions;
ALTER TABLE versions_rebuilt RENAME TO versions;

CREATE INDEX versions_by_hash ON versions (entity_pk, hash);
CREATE INDEX versions_by_time ON versions (entity_pk, saved_at);
CREATE INDEX versions_by_seq ON versions (seq);
-- "Does any version still need this blob?" across all entities, when a removal may free it.
CREATE INDEX versions_by_content ON versions (hash);

CREATE TABLE content_removals (
    entity_pk  INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('pruned', 'erased')),
    removed_by TEXT NOT NULL,
    removed_at INTEGER NOT NULL,   -- microseconds since the Unix epoch, UTC
    reason     TEXT,
    PRIMARY KEY (entity_pk, version),
    FOREIGN KEY (entity_pk, version) REFERENCES versions (entity_pk, version)
) WITHOUT ROWID;
