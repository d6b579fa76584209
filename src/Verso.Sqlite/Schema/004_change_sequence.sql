-- Verso schema 4: a store-wide sequence over versions, so a change feed can poll "what is new since".

ALTER TABLE versions ADD COLUMN seq INTEGER;
CREATE INDEX versions_by_seq ON versions (seq);
