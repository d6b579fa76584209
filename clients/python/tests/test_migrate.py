import hashlib
import json
import os
import sqlite3
import tempfile
import unittest

from support import server, some_id
from verso_client import VersoClient
from verso_client.migrate import import_synthorg


def platform_row(entity_id, version, obj, by, at, tamper=False):
    digest = "0" * 64 if tamper else hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()
    return (entity_id, version, digest, json.dumps(obj), by, at)


class ImportThroughTheApi(unittest.TestCase):
    def test_a_platform_database_moves_with_numbers_authors_and_times_and_again_changes_nothing(self):
        url, token = server()
        verso = VersoClient(url, token)
        self.addCleanup(verso.close)
        table = "t" + some_id("x")[2:10] + "_versions"
        kind = table[:-len("_versions")]
        a, b, gap = some_id("a"), some_id("b"), some_id("g")
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "synthorg.db")
            with sqlite3.connect(path) as db:
                db.execute(f"CREATE TABLE {table} (entity_id TEXT, version INTEGER, content_hash TEXT, snapshot TEXT, saved_by TEXT, saved_at TEXT)")
                db.executemany(f"INSERT INTO {table} VALUES (?,?,?,?,?,?)", [
                    platform_row(a, 1, {"t": 1e-05, "name": "Zoë"}, "alice", "2024-01-02T03:04:05.123456+00:00"),
                    platform_row(a, 2, {"t": 1e16, "name": "Zoë"}, "bob", "2024-01-03T00:00:00+00:00"),
                    platform_row(b, 1, {"t": 1.0}, "carol", "2024-01-04T00:00:00+00:00", tamper=True),
                    platform_row(gap, 2, {"t": 2}, "dan", "2024-01-05T00:00:00+00:00"),
                ])
            first = import_synthorg(verso, path)
            again = import_synthorg(verso, path)
        self.assertIn((table, kind), first.tables)
        self.assertEqual((2, 3, 0), (first.entities, first.created, first.unchanged))
        self.assertEqual([f"{kind}/{b}@1"], first.mismatches)
        self.assertEqual([f"{kind}/{gap}"], [entity for entity, _ in first.refused])
        self.assertEqual((0, 3), (again.created, again.unchanged))
        v1 = verso.get(kind, a, "1")
        self.assertEqual(("alice", "2024-01-02T03:04:05.123456+00:00", "import"), (v1.saved_by, v1.saved_at.isoformat(), v1.operation))


if __name__ == "__main__":
    unittest.main()
