-- Verso schema 8: a blob may be kept as a delta against another blob, its base (see StoredContent): a zstd
-- frame compressed with the base's canonical bytes as its dictionary. A base is never a delta itself, so a
-- read joins at most one more row. Rows written before have no base and read as they always did; `verso gc`
-- re-encodes them. No index on base: a delta's base is always the content of another version of an entity
-- that also holds the delta's content, so retention finds the deltas on a blob through those entities'
-- versions (see SqliteVersionStore.Retention) without an index entry per blob.

ALTER TABLE blobs ADD COLUMN base TEXT;
