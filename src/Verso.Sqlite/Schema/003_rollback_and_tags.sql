-- Verso schema 3: rollbacks remember the version they restored; tags name versions, with their history;
-- every version links to its predecessor by a chain hash.

ALTER TABLE versions ADD COLUMN revert_of INTEGER;

-- Where each tag points now.
CREATE TABLE tags (
    entity_pk INTEGER NOT NULL REFERENCES entities (entity_pk),
    name      TEXT NOT NULL,
    version   INTEGER NOT NULL,
    PRIMARY KEY (entity_pk, name)
) WITHOUT ROWID;

-- Every move of a tag, append-only: who moved it, when, from where to where, and why.
CREATE TABLE tag_history (
    entity_pk    INTEGER NOT NULL REFERENCES entities (entity_pk),
    name         TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    from_version INTEGER,
    to_version   INTEGER NOT NULL,
    moved_by     TEXT NOT NULL,
    moved_at     INTEGER NOT NULL,   -- microseconds since the Unix epoch, UTC
    reason       TEXT,
    PRIMARY KEY (entity_pk, name, seq)
) WITHOUT ROWID;

-- The tamper-evident link of each version to its predecessor (see ChainHash in Verso.Core).
ALTER TABLE versions ADD COLUMN chain_hash TEXT;
