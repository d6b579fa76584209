import asyncio
import threading
import unittest

from support import server, some_id
from verso_client import (AsyncVersoClient, BadRequest, ImportConflict, NotFound, VersionConflict, VersoClient,
                          verso_hash)


class ClientTests(unittest.TestCase):
    def setUp(self):
        url, token = server()
        self.verso = VersoClient(url, token)
        self.addCleanup(self.verso.close)

    def test_a_save_then_reads_by_head_number_and_hash(self):
        id_ = some_id("doc")
        first = self.verso.save("doc", id_, {"n": 1, "name": "é"}, saved_by="ann", message="first", new_kind=True)
        second = self.verso.save("doc", id_, {"n": 2}, saved_by="bob", new_kind=True)
        same = self.verso.save("doc", id_, {"n": 2}, saved_by="bob", new_kind=True)

        self.assertEqual(("created", 1), (first.status, first.version))
        self.assertEqual(verso_hash({"n": 1, "name": "é"}), first.hash)
        self.assertEqual(("unchanged", 2), (same.status, same.version))
        head = self.verso.get("doc", id_)
        self.assertEqual((2, {"n": 2}), (head.version, head.content))
        # An act-as token records both names: "bob (via platform)".
        self.assertTrue(head.saved_by.startswith("bob"), head.saved_by)
        self.assertEqual("first", self.verso.get("doc", id_, "1").message)
        self.assertEqual(1, self.verso.get("doc", id_, first.hash).version)
        self.assertIsNotNone(head.saved_at.tzinfo)

    def test_an_unchanged_read_is_answered_from_the_etag(self):
        id_ = some_id("doc")
        self.verso.save("doc", id_, {"n": 1}, saved_by="ann", new_kind=True)
        first = self.verso.get("doc", id_)
        again = self.verso.get("doc", id_)
        self.verso.save("doc", id_, {"n": 2}, saved_by="ann", new_kind=True)
        moved = self.verso.get("doc", id_)

        self.assertIs(first, again)  # the 304 gave back the object read before
        self.assertEqual(2, moved.version)

    def test_problems_are_typed_exceptions_with_their_facts(self):
        id_ = some_id("doc")
        self.verso.save("doc", id_, {"n": 1}, saved_by="ann", new_kind=True)
        with self.assertRaises(VersionConflict) as conflict:
            self.verso.save("doc", id_, {"n": 2}, saved_by="ann", expected_version=0, new_kind=True)
        with self.assertRaises(NotFound) as missing:
            self.verso.get("doc", id_, "7")
        with self.assertRaises(BadRequest):
            self.verso.history("doc", id_, offset=-1)

        self.assertEqual((409, 0, 1), (conflict.exception.status, conflict.exception["expected"], conflict.exception["actual"]))
        self.assertEqual("version-conflict", conflict.exception.slug)
        self.assertEqual(f"doc/{id_}@7", missing.exception["ref"])

    def test_history_pages_by_offset_with_content_and_by_hash(self):
        id_ = some_id("doc")
        for n in (1, 2, 1):
            self.verso.save("doc", id_, {"n": n}, saved_by="ann", force=True, new_kind=True)
        page = self.verso.history("doc", id_, offset=1, limit=1, include_content=True)
        holders = self.verso.versions_with_hash("doc", id_, verso_hash({"n": 1}))

        self.assertEqual([(2, {"n": 2})], [(v.version, v.content) for v in page.items])
        self.assertEqual([3, 1], [v.version for v in holders])
        self.assertEqual([3, 2, 1], [v.version for v in self.verso.iter_history("doc", id_, page_size=1)])

    def test_an_import_keeps_authors_and_times_and_refuses_a_gap(self):
        id_ = some_id("doc")
        rows = [{"kind": "doc", "id": id_, "version": v, "content": {"v": v}, "saved_by": f"u{v}", "saved_at": f"2024-01-0{v}T00:00:00+00:00"} for v in (1, 2)]
        result = self.verso.import_versions(rows)
        again = self.verso.import_versions(rows)
        with self.assertRaises(ImportConflict) as gap:
            self.verso.import_versions([dict(rows[0], version=4)])

        self.assertEqual((2, 0), (result.created, result.unchanged))
        self.assertEqual((0, 2), (again.created, again.unchanged))
        self.assertEqual(2, gap.exception["head"])
        first = self.verso.get("doc", id_, "1")
        self.assertEqual(("u1", "2024-01-01T00:00:00+00:00", "import"), (first.saved_by, first.saved_at.isoformat(), first.operation))

    def test_the_change_feed_resumes_after_the_last_event_it_gave(self):
        kind = "feed" + some_id("k")[2:8]
        ids = [some_id("doc") for _ in range(3)]
        self.verso.save(kind, ids[0], {"n": 0}, saved_by="ann", new_kind=True)
        feed = self.verso.changes(kind=kind, after=0)
        iterator = iter(feed)
        got = [next(iterator)]
        feed.close()
        self.verso.save(kind, ids[1], {"n": 1}, saved_by="ann", new_kind=True)
        self.verso.save(kind, ids[2], {"n": 2}, saved_by="ann", new_kind=True)
        resumed = self.verso.changes(kind=kind, after=feed.last_seq)
        it = iter(resumed)
        got += [next(it), next(it)]
        resumed.close()

        self.assertEqual(ids, [c.id for c in got])
        self.assertEqual(sorted(c.seq for c in got), [c.seq for c in got])


class AsyncClientTests(unittest.IsolatedAsyncioTestCase):
    async def test_the_async_face_saves_reads_and_follows_the_feed(self):
        url, token = server()
        kind = "afeed" + some_id("k")[2:8]
        async with AsyncVersoClient(url, token) as verso:
            saved = await asyncio.gather(*(verso.save(kind, f"e{i}", {"i": i}, saved_by="ann", new_kind=True) for i in range(5)))
            seen = []
            async for change in verso.changes(kind=kind, after=0):
                seen.append(change.id)
                if len(seen) == 5:
                    break
            head = await verso.get(kind, "e3")

        self.assertTrue(all(s.created for s in saved))
        self.assertEqual({f"e{i}" for i in range(5)}, set(seen))
        self.assertEqual({"i": 3}, head.content)


if __name__ == "__main__":
    unittest.main()


class RolloutResolveTests(unittest.TestCase):
    def setUp(self):
        url, token = server()
        self.verso = VersoClient(url, token)
        self.addCleanup(self.verso.close)

    def test_the_client_computes_the_bucket_and_version_the_server_resolves(self):
        from verso_client import rollout_bucket, rollout_version_for
        id_ = some_id("charter")
        self.verso.save("charter", id_, {"text": "one"}, saved_by="ann", new_kind=True)
        self.verso.save("charter", id_, {"text": "two"}, saved_by="ann", new_kind=True)
        self.verso.request("PUT", f"/api/v1/entities/charter/{id_}/tags/production", body={"version": 1, "saved_by": "ann"})
        self.verso.request("POST", f"/api/v1/entities/charter/{id_}/rollouts/production", body={"candidate": 2, "weight": 3000, "saved_by": "ann"})
        rollout = self.verso.rollout("charter", id_, "production")

        for n in range(200):
            subject = f"user-{n}"
            resolved = self.verso.resolve("charter", id_, label="production", subject=subject)
            self.assertEqual(rollout_bucket(rollout["salt"], subject), resolved["bucket"])
            self.assertEqual(rollout_version_for(rollout, subject), resolved["version"])
        self.assertEqual((1, None), (self.verso.resolve("charter", id_, label="production")["version"],
                                     self.verso.resolve("charter", id_, label="production")["bucket"]))
