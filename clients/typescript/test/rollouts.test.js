// The bucket function against the documented vectors, and against what a real server resolves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { rolloutBucket, rolloutVersionFor, VersoClient } from "../dist/index.js";

test("known subjects fall in the documented buckets", async () => {
  // The same vectors are pinned in the .NET and Python tests.
  assert.deepEqual(
    [await rolloutBucket("s1", "user-1"), await rolloutBucket("0011223344556677", "alice"), await rolloutBucket("salt", "")],
    [7524, 8204, 7643]);
});

test("the client computes the bucket and version the server resolves", async () => {
  const verso = new VersoClient(process.env.VERSO_URL, { token: process.env.VERSO_TOKEN || undefined });
  const id = `charter-${randomUUID().slice(0, 12)}`;
  await verso.save("charter", id, { text: "one" }, { savedBy: "ann", newKind: true });
  await verso.save("charter", id, { text: "two" }, { savedBy: "ann", newKind: true });
  await verso.send("PUT", `/api/v1/entities/charter/${id}/tags/production`, undefined, { version: 1, saved_by: "ann" });
  await verso.send("POST", `/api/v1/entities/charter/${id}/rollouts/production`, undefined, { candidate: 2, weight: 3000, saved_by: "ann" });
  const rollout = await verso.rollout("charter", id, "production");

  for (let n = 0; n < 200; n++) {
    const subject = `user-${n}-é`;
    const resolved = await verso.resolve("charter", id, { label: "production", subject });
    assert.equal(resolved.bucket, await rolloutBucket(rollout.salt, subject));
    assert.equal(resolved.version, await rolloutVersionFor(rollout, subject));
  }
  assert.equal((await verso.resolve("charter", id, { label: "production" })).version, 1);
});
