-- Verso schema 7: blobs may be kept as zstd frames (see StoredContent); size is the canonical length,
-- which a compressed row no longer shows. Rows written before keep their bytes as they are (size NULL).

ALTER TABLE verso.blobs ADD COLUMN size integer;
