"""The seed platform's VersionRepository protocol and VersioningService, checked as its documentation states them.

Written from the protocol's docstrings (save_version inserts or answers False, get_* answer None when
absent, list_versions is newest first with limit/offset, get_by_content_hash finds the newest holder,
delete_versions_for_entity answers the count) and run against VersoVersionRepository on a real server.
"""

import asyncio
import json
import hashlib
import unittest
from datetime import datetime, timedelta, timezone
from typing import Optional, Tuple

from pydantic import BaseModel, ConfigDict, ValidationError

from support import server, some_id
from verso_client import VersoClient, verso_hash
from verso_client.synthorg import VersionSnapshot, VersoVersioningService, VersoVersionRepository, content_hash


class Charter(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    temperature: float
    skills: Tuple[str, ...] = ()
    hired: Optional[datetime] = None


def charter(n: int, **extra) -> Charter:
    return Charter(name=f"Ann {n} — ü", temperature=n / 10, skills=("review", f"s{n}"), **extra)


def snapshot(entity_id: str, version: int, model: Charter, by: str = "ann") -> VersionSnapshot[Charter]:
    return VersionSnapshot[Charter](entity_id=entity_id, version=version, content_hash=content_hash(model),
                                    snapshot=model, saved_by=by, saved_at=datetime.now(timezone.utc))


class VersionSnapshotModel(unittest.TestCase):
    def test_it_keeps_the_platforms_validation(self):
        good = dict(entity_id="a", version=1, content_hash="a" * 64, snapshot=charter(1), saved_by="x", saved_at=datetime.now(timezone.utc))
        VersionSnapshot[Charter](**good)
        for bad in (dict(version=0), dict(content_hash="A" * 64), dict(content_hash="sha256:" + "a" * 64), dict(entity_id=" "),
                    dict(saved_at=datetime.now(timezone(timedelta(hours=2)))), dict(saved_at=datetime.now()), dict(extra=1)):
            with self.subTest(bad=bad), self.assertRaises(ValidationError):
                VersionSnapshot[Charter](**{**good, **bad})
        with self.assertRaises(ValidationError):
            VersionSnapshot[Charter](**good).version = 2

    def test_the_platform_hash_is_json_dumps_sorted(self):
        model = charter(3, hired=datetime(2024, 1, 2, tzinfo=timezone.utc))
        expected = hashlib.sha256(json.dumps(model.model_dump(mode="json"), sort_keys=True, default=str).encode()).hexdigest()
        self.assertEqual(expected, content_hash(model))


class RepositoryConformance(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        url, token = server()
        self.client = VersoClient(url, token)
        self.addCleanup(self.client.close)
        self.repo = VersoVersionRepository(self.client, kind="charter", model=Charter)
        self.id = some_id("agent")

    async def test_save_version_inserts_once_and_answers_false_for_a_taken_number(self):
        self.assertTrue(await self.repo.save_version(snapshot(self.id, 1, charter(1))))
        self.assertFalse(await self.repo.save_version(snapshot(self.id, 1, charter(2))))
        self.assertTrue(await self.repo.save_version(snapshot(self.id, 2, charter(1), by="bob")))

        stored = await self.repo.get_version(self.id, 1)
        self.assertEqual(charter(1), stored.snapshot)
        self.assertEqual(content_hash(charter(1)), stored.content_hash)
        self.assertEqual(("ann", "bob"), (stored.saved_by, (await self.repo.get_version(self.id, 2)).saved_by))
        self.assertEqual(timedelta(0), stored.saved_at.utcoffset())

    async def test_absent_things_are_none_zero_or_empty(self):
        self.assertIsNone(await self.repo.get_latest_version(self.id))
        self.assertIsNone(await self.repo.get_version(self.id, 1))
        self.assertIsNone(await self.repo.get_by_content_hash(self.id, "0" * 64))
        self.assertEqual((), await self.repo.list_versions(self.id))
        self.assertEqual(0, await self.repo.count_versions(self.id))
        self.assertEqual(0, await self.repo.delete_versions_for_entity(self.id))
        await self.repo.save_version(snapshot(self.id, 1, charter(1)))
        self.assertIsNone(await self.repo.get_version(self.id, 2))

    async def test_list_versions_is_newest_first_and_pages_as_a_slice(self):
        for n in range(1, 8):
            self.assertTrue(await self.repo.save_version(snapshot(self.id, n, charter(n))))
        everything = await self.repo.list_versions(self.id)

        self.assertEqual(list(range(7, 0, -1)), [v.version for v in everything])
        self.assertIsInstance(everything, tuple)
        for limit, offset in ((3, 0), (3, 2), (2, 6), (5, 7), (50, 1)):
            with self.subTest(limit=limit, offset=offset):
                self.assertEqual(everything[offset:offset + limit], await self.repo.list_versions(self.id, limit=limit, offset=offset))
        self.assertEqual(7, await self.repo.count_versions(self.id))
        self.assertEqual(7, (await self.repo.get_latest_version(self.id)).version)

    async def test_get_by_content_hash_finds_the_newest_holder_by_either_hash(self):
        for n, model in enumerate((charter(1), charter(2), charter(1), charter(3)), start=1):
            await self.repo.save_version(snapshot(self.id, n, model))

        by_platform = await self.repo.get_by_content_hash(self.id, content_hash(charter(1)))
        by_verso = await self.repo.get_by_content_hash(self.id, verso_hash(charter(1).model_dump(mode="json")))
        by_bare_verso = await self.repo.get_by_content_hash(self.id, verso_hash(charter(2).model_dump(mode="json"))[7:])

        self.assertEqual(3, by_platform.version)
        self.assertEqual(3, by_verso.version)
        self.assertEqual(2, by_bare_verso.version)
        self.assertIsNone(await self.repo.get_by_content_hash(self.id, content_hash(charter(9))))

    async def test_delete_versions_for_entity_answers_the_count_and_leaves_nothing_to_read(self):
        for n in range(1, 4):
            await self.repo.save_version(snapshot(self.id, n, charter(n)))

        self.assertEqual(3, await self.repo.delete_versions_for_entity(self.id))

        self.assertIsNone(await self.repo.get_latest_version(self.id))
        self.assertIsNone(await self.repo.get_version(self.id, 2))
        self.assertEqual((), await self.repo.list_versions(self.id))
        self.assertEqual(0, await self.repo.count_versions(self.id))
        self.assertIsNone(await self.repo.get_by_content_hash(self.id, content_hash(charter(2))))
        self.assertEqual(0, await self.repo.delete_versions_for_entity(self.id))

    async def test_charter_version_pins_the_version_in_force_at_execution(self):
        await self.repo.save_version(snapshot(self.id, 1, charter(1)))
        executed = datetime.now(timezone.utc)
        await self.repo.save_version(snapshot(self.id, 2, charter(2)))

        pin = await self.repo.charter_version(self.id, executed)

        self.assertEqual({"agent_id": self.id, "version": 1, "content_hash": content_hash(charter(1))}, pin)


class ServiceConformance(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        url, token = server()
        self.client = VersoClient(url, token)
        self.addCleanup(self.client.close)
        self.repo = VersoVersionRepository(self.client, kind="charter", model=Charter)
        self.service = VersoVersioningService(self.repo)
        self.id = some_id("agent")

    async def test_snapshot_if_changed_skips_unchanged_content(self):
        first = await self.service.snapshot_if_changed(self.id, charter(1), "ann")
        unchanged = await self.service.snapshot_if_changed(self.id, charter(1), "bob")
        second = await self.service.snapshot_if_changed(self.id, charter(2), "bob")

        self.assertEqual((1, content_hash(charter(1)), "ann"), (first.version, first.content_hash, first.saved_by))
        self.assertIsNone(unchanged)
        self.assertEqual(2, second.version)
        self.assertEqual(second, await self.service.get_latest(self.id))

    async def test_force_snapshot_always_appends(self):
        await self.service.snapshot_if_changed(self.id, charter(1), "ann")
        forced = await self.service.force_snapshot(self.id, charter(1), "ann")
        self.assertEqual(2, forced.version)
        self.assertEqual(forced.content_hash, (await self.repo.get_version(self.id, 1)).content_hash)

    async def test_concurrent_changes_are_each_kept_once_none_lost(self):
        models = [charter(n) for n in range(1, 13)]

        saved = await asyncio.gather(*(self.service.snapshot_if_changed(self.id, m, f"w{i}") for i, m in enumerate(models)))

        self.assertEqual(list(range(1, 13)), sorted(s.version for s in saved))
        history = await self.repo.list_versions(self.id)
        self.assertEqual({m.name for m in models}, {v.snapshot.name for v in history})
        by_version = {s.version: s.snapshot for s in saved}
        self.assertTrue(all(by_version[v.version] == v.snapshot for v in history))


if __name__ == "__main__":
    unittest.main()
