-- Verso schema 6: where an imported version came from (a git commit and path), as canonical JSON.

ALTER TABLE verso.versions ADD COLUMN source text;
