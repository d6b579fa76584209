-- Verso schema 1: content-addressed blobs, one row per entity holding its head, one row per version.

CREATE TABLE blobs (
    hash    TEXT PRIMARY KEY,          -- 64 lowercase hex digits: the SHA-256 of content
    content BLOB NOT NULL              -- RFC 8785 canonical JSON, stored once however many versions share it
) WITHOUT ROWID;

CREATE TABLE entities (
    entity_pk     INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    id            TEXT NOT NULL,
    head          INTEGER NOT NULL,    -- the newest version number; versions are 1..head, gapless
    head_hash     TEXT NOT NULL,
    head_saved_at INTEGER NOT NULL,
    UNIQUE (kind, id)                  -- also serves "list the entities of a kind, by id"
);

CREATE TABLE versions (
    entity_pk      INTEGER NOT NULL REFERENCES entities (entity_pk),
    version        INTEGER NOT NULL,
    hash           TEXT NOT NULL REFERENCES blobs (hash),
    saved_by       TEXT NOT NULL,
    saved_at       INTEGER NOT NULL,   -- microseconds since the Unix epoch, UTC
    message        TEXT,
    operation      TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    PRIMARY KEY (entity_pk, version)
) WITHOUT ROWID;

-- Finds a version by its hash or a prefix of it (a range scan on the hex text).
CREATE INDEX versions_by_hash ON versions (entity_pk, hash);
