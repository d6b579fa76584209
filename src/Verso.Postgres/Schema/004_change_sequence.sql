-- Verso schema 4: a store-wide sequence over versions in commit order, so a change feed can resume
-- "after N" with no gap and no duplicate (the REST API's Last-Event-ID). Appends allocate it under a
-- transaction-scoped advisory lock taken just before the version row is written, so a later sequence
-- never commits before an earlier one.

ALTER TABLE verso.versions ADD COLUMN seq bigint;

UPDATE verso.versions v SET seq = o.n
FROM (SELECT entity_pk, version, row_number() OVER (ORDER BY saved_at, entity_pk, version) AS n FROM verso.versions) o
WHERE v.entity_pk = o.entity_pk AND v.version = o.version;

CREATE UNIQUE INDEX versions_by_seq ON verso.versions (seq);
