// The client against a real `verso serve` (VERSO_URL, VERSO_TOKEN: an admin act-as token), with node's test runner.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BadRequest, ImportConflict, NotFound, VersionConflict, VersoClient, VersoProblem } from "../dist/index.js";

const url = process.env.VERSO_URL;
if (!url) {
  throw new Error("VERSO_URL is not set: these tests need a running `verso serve` (the .NET test run starts one)");
}
const verso = new VersoClient(url, { token: process.env.VERSO_TOKEN || undefined });
const someId = (prefix) => `${prefix}-${randomUUID().slice(0, 12)}`;

test("a save, then reads by head, number and hash", async () => {
  const id = someId("doc");
  const first = await verso.save("doc", id, { n: 1, name: "é" }, { newKind: true, savedBy: "ann", message: "first" });
  await verso.save("doc", id, { n: 2 }, { newKind: true, savedBy: "ann" });
  const same = await verso.save("doc", id, { n: 2 }, { newKind: true, savedBy: "ann" });

  assert.deepEqual([first.status, first.version, same.status, same.version], ["created", 1, "unchanged", 2]);
  const head = await verso.get("doc", id);
  assert.deepEqual([head.version, head.content], [2, { n: 2 }]);
  assert.equal((await verso.get("doc", id, "1")).message, "first");
  assert.equal((await verso.get("doc", id, first.hash)).version, 1);
});

test("an unchanged read is answered from its ETag", async () => {
  const id = someId("doc");
  await verso.save("doc", id, { n: 1 }, { newKind: true, savedBy: "ann" });
  const first = await verso.get("doc", id);
  const again = await verso.get("doc", id);
  await verso.save("doc", id, { n: 2 }, { newKind: true, savedBy: "ann" });

  assert.equal(again, first);
  assert.equal((await verso.get("doc", id)).version, 2);
});

test("problems are typed errors with their facts", async () => {
  const id = someId("doc");
  await verso.save("doc", id, { n: 1 }, { newKind: true, savedBy: "ann" });

  const conflict = await verso.save("doc", id, { n: 2 }, { newKind: true, savedBy: "ann", expectedVersion: 0 }).catch((e) => e);
  const missing = await verso.get("doc", id, "7").catch((e) => e);
  const bad = await verso.history("doc", id, { offset: -1 }).catch((e) => e);

  assert.ok(conflict instanceof VersionConflict && conflict instanceof VersoProblem);
  assert.deepEqual([conflict.status, conflict.slug, conflict.facts.expected, conflict.facts.actual], [409, "version-conflict", 0, 1]);
  assert.ok(missing instanceof NotFound);
  assert.equal(missing.facts.ref, `doc/${id}@7`);
  assert.ok(bad instanceof BadRequest);
});

test("history pages by offset with content, and by hash", async () => {
  const id = someId("doc");
  for (const n of [1, 2, 1]) {
    await verso.save("doc", id, { n }, { newKind: true, savedBy: "ann", force: true });
  }
  const page = await verso.history("doc", id, { offset: 1, limit: 1, includeContent: true });
  const one = await verso.get("doc", id, "1");
  const holders = [];
  for await (const v of verso.versions("doc", id, { hash: one.hash })) {
    holders.push(v.version);
  }

  assert.deepEqual(page.items.map((v) => [v.version, v.content]), [[2, { n: 2 }]]);
  assert.deepEqual(holders, [3, 1]);
});

test("an import keeps authors and times, runs again without effect and refuses a gap", async () => {
  const id = someId("doc");
  const rows = [1, 2].map((v) => ({ kind: "doc", id, version: v, content: { v }, saved_by: `u${v}`, saved_at: `2024-01-0${v}T00:00:00Z` }));
  const result = await verso.importVersions(rows);
  const again = await verso.importVersions(rows);
  const gap = await verso.importVersions([{ ...rows[0], version: 4 }]).catch((e) => e);

  assert.deepEqual([result.created, again.unchanged], [2, 2]);
  assert.ok(gap instanceof ImportConflict);
  assert.equal(gap.facts.head, 2);
  const first = await verso.get("doc", id, "1");
  assert.deepEqual([first.saved_by, first.saved_at, first.operation], ["u1", "2024-01-01T00:00:00Z", "import"]);
});

test("erasing an entity answers the count", async () => {
  const id = someId("doc");
  await verso.save("doc", id, { n: 1 }, { newKind: true, savedBy: "ann" });
  await verso.save("doc", id, { n: 2 }, { newKind: true, savedBy: "ann" });
  const erased = await verso.eraseEntity("doc", id, "test");
  assert.deepEqual([erased.count, erased.tombstone], [2, `doc/${id}@3`]);
});

test("the change feed resumes after the last event it gave", async () => {
  const kind = `feed${randomUUID().slice(0, 6)}`;
  const ids = [someId("doc"), someId("doc"), someId("doc")];
  await verso.save(kind, ids[0], { n: 0 }, { newKind: true, savedBy: "ann" });
  const seen = [];
  const feed = verso.changes({ kind, after: 0 });
  for await (const change of feed) {
    seen.push(change);
    break;
  }
  await verso.save(kind, ids[1], { n: 1 }, { newKind: true, savedBy: "ann" });
  await verso.save(kind, ids[2], { n: 2 }, { newKind: true, savedBy: "ann" });
  for await (const change of verso.changes({ kind, after: feed.lastSeq })) {
    seen.push(change);
    if (seen.length === 3) {
      break;
    }
  }

  assert.deepEqual(seen.map((c) => c.id), ids);
  assert.deepEqual(seen.map((c) => c.seq), [...seen.map((c) => c.seq)].sort((a, b) => a - b));
});
