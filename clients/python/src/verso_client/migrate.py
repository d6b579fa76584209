"""``verso import-synthorg`` through the API: the seed platform's version tables into a Verso server.

Reads the platform's SQLite file with the standard library, checks each row's ``content_hash`` with the
platform's own formula, and sends each entity's rows to the admin ``POST /api/v1/import`` (numbers, authors
and times kept; running it again imports nothing new).
"""

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from .client import VersoClient
from .errors import VersoError
from .hashing import platform_hash

COLUMNS = ("entity_id", "version", "content_hash", "snapshot", "saved_by", "saved_at")


@dataclass
class SynthorgImport:
    """What an import did: as ``verso import-synthorg`` reports it."""

    tables: List[Tuple[str, str]] = field(default_factory=list)
    entities: int = 0
    created: int = 0
    unchanged: int = 0
    mismatches: List[str] = field(default_factory=list)
    refused: List[Tuple[str, str]] = field(default_factory=list)


def default_kind(table: str) -> str:
    """A table's kind when not mapped: its name without ``_versions``, underscores as hyphens."""
    name = table[: -len("_versions")] if table.endswith("_versions") else table
    return name.replace("_", "-").lower()


def import_synthorg(client: VersoClient, path: str, tables: Optional[Dict[str, str]] = None) -> SynthorgImport:
    """Imports every version table of the database at ``path`` (``tables`` maps a table name to a kind)."""
    tables = dict(tables or {})
    report = SynthorgImport()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for name in names:
            columns = {row[1].lower() for row in db.execute("SELECT * FROM pragma_table_info(?)", (name,))}
            if not set(COLUMNS) <= columns:
                continue
            kind = tables.get(name, default_kind(name))
            report.tables.append((name, kind))
            quoted = '"' + name.replace('"', '""') + '"'
            rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM {quoted} ORDER BY entity_id, version").fetchall()
            for entity_id in dict.fromkeys(r[0] for r in rows):
                _import_entity(client, kind, entity_id, [r for r in rows if r[0] == entity_id], report)
    return report


def _import_entity(client: VersoClient, kind: str, entity_id: str, rows, report: SynthorgImport) -> None:
    versions = []
    for expected, (_, version, content_hash, snapshot, saved_by, saved_at) in enumerate(rows, start=1):
        if version != expected:
            report.refused.append((f"{kind}/{entity_id}", f"version {expected} is missing (the next row is {version}): numbers must be gapless to be kept"))
            return
        content = json.loads(snapshot)
        if platform_hash(content) != content_hash:
            report.mismatches.append(f"{kind}/{entity_id}@{version}")
        versions.append({"kind": kind, "id": entity_id, "version": version, "content": content,
                         "saved_by": saved_by or "unknown", "saved_at": saved_at})
    try:
        result = client.import_versions(versions)
    except VersoError as error:
        report.refused.append((f"{kind}/{entity_id}", error.detail))
        return
    report.entities += 1
    report.created += result.created
    report.unchanged += result.unchanged
