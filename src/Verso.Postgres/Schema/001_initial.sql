-- Verso schema 1 on PostgreSQL: the same tables as the SQLite store, in a schema of their own.
-- Hashes and ids use the "C" collation so that ordering and prefix ranges compare bytes, as SQLite does.

CREATE TABLE verso.blobs (
    hash    text COLLATE "C" PRIMARY KEY,   -- 64 lowercase hex digits: the SHA-256 of content
    content bytea NOT NULL                   -- canonical JSON, byte for byte (bytea: never re-encoded)
);

CREATE TABLE verso.entities (
    entity_pk     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text COLLATE "C" NOT NULL,
    id            text COLLATE "C" NOT NULL,
    head          integer NOT NULL,         -- the newest version number; versions are 1..head, gapless
    head_hash     text COLLATE "C" NOT NULL,
    head_saved_at timestamptz NOT NULL,
    UNIQUE (kind, id)
);

CREATE TABLE verso.versions (
    entity_pk      bigint NOT NULL REFERENCES verso.entities (entity_pk),
    version        integer NOT NULL,
    hash           text COLLATE "C" NOT NULL REFERENCES verso.blobs (hash),
    saved_by       text NOT NULL,
    saved_at       timestamptz NOT NULL,
    message        text,
    operation      text NOT NULL,
    schema_version integer NOT NULL,
    PRIMARY KEY (entity_pk, version)
);

CREATE INDEX versions_by_hash ON verso.versions (entity_pk, hash);
