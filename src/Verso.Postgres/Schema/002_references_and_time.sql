-- Verso schema 2: "as of a time" lookups and references between versions.

-- The version in force at a time is the newest saved at or before it: one index seek per entity.
CREATE INDEX versions_by_time ON verso.versions (entity_pk, saved_at);

-- Which versions pin which: a decision pins the charters behind it. The pinned version's hash was
-- checked when the row was written; the version row itself holds it.
CREATE TABLE verso.version_refs (
    target_pk      bigint NOT NULL REFERENCES verso.entities (entity_pk),
    target_version integer NOT NULL,
    entity_pk      bigint NOT NULL,
    version        integer NOT NULL,
    PRIMARY KEY (target_pk, target_version, entity_pk, version),
    FOREIGN KEY (entity_pk, version) REFERENCES verso.versions (entity_pk, version)
);
