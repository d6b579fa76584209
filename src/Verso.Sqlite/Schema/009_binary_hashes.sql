-- Verso schema 9: the storage format for size (issue 29). Hashes are kept as their 32 bytes instead of 64 hex
-- digits (the chain hash, the head's hash and every index on them shrink by half); a blob has an integer row
-- id, and a delta names its base by that id; versions keep one hash index (by content, which also answers a
-- hash prefix within an entity, see FindByHashAsync) instead of two. Every table is rebuilt as SQLite's
-- table-rebuild procedure says (the runner turns foreign keys off around the transaction and checks them
-- before it commits). A hash that is not 64 hex digits makes unhex() answer NULL, which the NOT NULL
-- columns refuse: the upgrade fails whole and the store stays at schema 8.

CREATE TABLE blobs_rebuilt (
    blob_pk INTEGER PRIMARY KEY,
    hash    BLOB NOT NULL UNIQUE,   -- the 32 bytes of the SHA-256 of the canonical bytes
    content BLOB NOT NULL,          -- raw, a zstd frame, or a delta on base (see StoredContent)
    size    INTEGER,                -- the canonical length; NULL for rows written before schema 7
    base    INTEGER                 -- the blob_pk of a delta's base (never a delta itself)
);

-- In version order, so an entity's blobs sit together in the file as they did in its history.
INSERT INTO blobs_rebuilt (hash, content, size)
SELECT unhex(b.hash), b.content, b.size FROM blobs b
ORDER BY (SELECT min(v.seq) FROM versions v WHERE v.hash = b.hash), b.hash;

UPDATE blobs_rebuilt SET base = (
    SELECT k.blob_pk FROM blobs o JOIN blobs_rebuilt k ON k.hash = unhex(o.base)
    WHERE o.hash = lower(hex(blobs_rebuilt.hash)))
WHERE EXISTS (SELECT 1 FROM blobs o WHERE o.hash = lower(hex(blobs_rebuilt.hash)) AND o.base IS NOT NULL);

CREATE TABLE versions_rebuilt (
    entity_pk      INTEGER NOT NULL REFERENCES entities (entity_pk),
    version        INTEGER NOT NULL,
    hash           BLOB NOT NULL,      -- 32 bytes; its blob is gone once the content was removed
    saved_by       TEXT NOT NULL,
    saved_at       INTEGER NOT NULL,   -- microseconds since the Unix epoch, UTC
    message        TEXT,
    operation      TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    revert_of      INTEGER,
    chain_hash     BLOB,               -- 32 bytes; NULL for versions saved before schema 3
    seq            INTEGER,
    source         TEXT,
    PRIMARY KEY (entity_pk, version)
) WITHOUT ROWID;

INSERT INTO versions_rebuilt (entity_pk, version, hash, saved_by, saved_at, message, operation, schema_version, revert_of, chain_hash, seq, source)
SELECT entity_pk, version, unhex(hash), saved_by, saved_at, message, operation, schema_version, revert_of,
       CASE WHEN chain_hash IS NULL THEN NULL ELSE coalesce(unhex(chain_hash), X'') END, seq, source
FROM versions ORDER BY entity_pk, version;

CREATE TABLE entities_rebuilt (
    entity_pk     INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    id            TEXT NOT NULL,
    head          INTEGER NOT NULL,    -- the newest version number; versions are 1..head, gapless
    head_hash     BLOB NOT NULL,       -- 32 bytes
    head_saved_at INTEGER NOT NULL,
    UNIQUE (kind, id)                  -- also serves "list the entities of a kind, by id"
);

INSERT INTO entities_rebuilt (entity_pk, kind, id, head, head_hash, head_saved_at)
SELECT entity_pk, kind, id, head, unhex(head_hash), head_saved_at FROM entities ORDER BY entity_pk;

DROP TABLE blobs;
DROP TABLE versions;
DROP TABLE entities;
ALTER TABLE blobs_rebuilt RENAME TO blobs;
ALTER TABLE entities_rebuilt RENAME TO entities;
ALTER TABLE versions_rebuilt RENAME TO versions;

-- "As of a time": one seek per entity.
CREATE INDEX versions_by_time ON versions (entity_pk, saved_at);
-- The change feed's "after N".
CREATE INDEX versions_by_seq ON versions (seq);
-- The one hash index of versions: who holds a content (retention, gc) and a hash prefix within an entity.
CREATE INDEX versions_by_content ON versions (hash);
