-- Verso schema 9: the storage format for size (issue 29), as in the SQLite store. Hashes are kept as their 32
-- bytes (bytea) instead of 64 hex digits; a blob has an integer row id, and a delta names its base by it;
-- versions keep one hash index (by content, which also answers a hash prefix within an entity) instead of
-- two. decode() refuses a hash that is not hex, which fails the whole upgrade: the store stays at schema 8.

ALTER TABLE verso.blobs ADD COLUMN blob_pk bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE verso.blobs ADD COLUMN base_pk bigint;
UPDATE verso.blobs b SET base_pk = k.blob_pk FROM verso.blobs k WHERE k.hash = b.base;
ALTER TABLE verso.blobs DROP COLUMN base;
ALTER TABLE verso.blobs RENAME COLUMN base_pk TO base;   -- the blob_pk of a delta's base (never a delta itself)
ALTER TABLE verso.blobs DROP CONSTRAINT blobs_pkey;
ALTER TABLE verso.blobs ALTER COLUMN hash TYPE bytea USING decode(hash, 'hex');
ALTER TABLE verso.blobs ADD CONSTRAINT blobs_pkey PRIMARY KEY (blob_pk);
ALTER TABLE verso.blobs ADD CONSTRAINT blobs_hash_key UNIQUE (hash);

-- Dropped before the type change, so the table rewrite does not build them only to drop them.
DROP INDEX verso.versions_by_hash;
DROP INDEX verso.versions_by_content;
ALTER TABLE verso.versions
    ALTER COLUMN hash TYPE bytea USING decode(hash, 'hex'),
    ALTER COLUMN chain_hash TYPE bytea USING decode(chain_hash, 'hex');
-- The one hash index of versions: who holds a content (retention, gc) and a hash prefix within an entity.
CREATE INDEX versions_by_content ON verso.versions (hash);

-- A new entity's row holds an empty hash until its first version is written.
ALTER TABLE verso.entities ALTER COLUMN head_hash TYPE bytea USING decode(head_hash, 'hex');
