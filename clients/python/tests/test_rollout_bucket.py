import hashlib
import unittest

from verso_client.hashing import BUCKETS, rollout_bucket, rollout_version_for


class RolloutBucketTests(unittest.TestCase):
    def test_known_subjects_fall_in_the_documented_buckets(self):
        # The same vectors are pinned in the .NET and TypeScript tests.
        self.assertEqual(7524, rollout_bucket("s1", "user-1"))
        self.assertEqual(8204, rollout_bucket("0011223344556677", "alice"))
        self.assertEqual(7643, rollout_bucket("salt", ""))

    def test_the_bucket_is_the_top_64_bits_of_the_salted_hash_mod_10000(self):
        for subject in ["", "é", "🙂", "a:b", "user-42"]:
            digest = hashlib.sha256(("pepper:" + subject).encode("utf-8")).digest()
            self.assertEqual(int(digest[:8].hex(), 16) % BUCKETS, rollout_bucket("pepper", subject))

    def test_a_rollout_serves_the_candidate_whose_ranges_hold_the_bucket(self):
        rollout = {"state": "active", "control": 1, "salt": "s1", "candidates": [{"version": 2, "ranges": [[7000, 8000]]}]}
        self.assertEqual(2, rollout_version_for(rollout, "user-1"))
        self.assertEqual(1, rollout_version_for(rollout, None))
        self.assertEqual(1, rollout_version_for(dict(rollout, state="aborted"), "user-1"))
