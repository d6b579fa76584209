-- Verso schema 3: rollbacks remember the version they restored; tags name versions, with their history;
-- every version links to its predecessor by a chain hash.

ALTER TABLE verso.versions ADD COLUMN revert_of integer;

-- Where each tag points now.
CREATE TABLE verso.tags (
    entity_pk bigint NOT NULL REFERENCES verso.entities (entity_pk),
    name      text COLLATE "C" NOT NULL,
    version   integer NOT NULL,
    PRIMARY KEY (entity_pk, name)
);

-- Every move of a tag, append-only: who moved it, when, from where to where, and why.
CREATE TABLE verso.tag_history (
    entity_pk    bigint NOT NULL REFERENCES verso.entities (entity_pk),
    name         text COLLATE "C" NOT NULL,
    seq          integer NOT NULL,
    from_version integer,
    to_version   integer NOT NULL,
    moved_by     text NOT NULL,
    moved_at     timestamptz NOT NULL,
    reason       text,
    PRIMARY KEY (entity_pk, name, seq)
);

-- The tamper-evident link of each version to its predecessor (see ChainHash in Verso.Core).
ALTER TABLE verso.versions ADD COLUMN chain_hash text COLLATE "C";
