-- Verso schema 5: pruned and erased content. The version row, its hash and its chain hash stay; a
-- removal row says the bytes are gone, by whom, when and why.

CREATE TABLE verso.content_removals (
    entity_pk  bigint NOT NULL,
    version    integer NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('pruned', 'erased')),
    removed_by text NOT NULL,
    removed_at timestamptz NOT NULL,
    reason     text,
    PRIMARY KEY (entity_pk, version),
    FOREIGN KEY (entity_pk, version) REFERENCES verso.versions (entity_pk, version)
);

-- "Does any version still need this blob?" across all entities, when a removal may free it.
CREATE INDEX versions_by_content ON verso.versions (hash);

-- A version may now outlive its blob: the bytes of a removed version are deleted once nothing needs them.
ALTER TABLE verso.versions DROP CONSTRAINT versions_hash_fkey;
