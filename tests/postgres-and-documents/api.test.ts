import { describe, expect, it } from "vitest";
import {
  DOCUMENT_LIMITS,
  findDocuments,
  insertDocument,
} from "@/lib/postgres-and-documents/contract";
import { expectConforms } from "../contract";
import { expectNoInternals, expectProblem, newSandboxKey } from "../harness";
import { documents, find, insert } from "./client";

type Found = {
  documents: Array<Record<string, unknown>>;
  sql: { text: string; params: Record<string, unknown> };
};

/** A sandbox with a `things` collection holding exactly these documents, in this order. */
async function withThings(things: Array<Record<string, unknown>>) {
  const key = await newSandboxKey();
  for (const thing of things) expect((await insert(key, "things", thing)).status).toBe(201);
  return key;
}

async function names(key: string, filter: unknown): Promise<string[]> {
  const res = await find(key, "things", { filter, projection: { name: 1, _id: 0 } });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as Found).documents.map((d) => d.name as string);
}

const THINGS = [
  {
    name: "a",
    n: 1,
    tags: ["x", "y"],
    meta: { color: "red", size: 3 },
    parts: [{ w: 5 }, { w: 20 }],
  },
  { name: "b", n: 5, tags: ["y"], meta: { color: "blue" }, parts: [{ w: 1 }] },
  { name: "c", n: "five", tags: [], meta: null },
  { name: "d", n: 10, flag: true },
  { name: "e", n: null, tags: "x" },
];

describe("find: MongoDB's operators, on Postgres jsonpath", () => {
  it("matches by equality, into arrays and nested objects", async () => {
    const key = await withThings(THINGS);
    expect(await names(key, {})).toEqual(["a", "b", "c", "d", "e"]);
    expect(await names(key, { n: 5 })).toEqual(["b"]);
    expect(await names(key, { tags: "x" })).toEqual(["a", "e"]);
    expect(await names(key, { "meta.color": "red" })).toEqual(["a"]);
    expect(await names(key, { "parts.w": 20 })).toEqual(["a"]);
    expect(await names(key, { "tags.1": "y" })).toEqual(["a"]);
    expect(await names(key, { flag: true })).toEqual(["d"]);
    // null matches null and missing, as in MongoDB.
    expect(await names(key, { n: null })).toEqual(["e"]);
    expect(await names(key, { flag: null })).toEqual(["a", "b", "c", "e"]);
  });

  it("compares with $gt $gte $lt $lte, numbers with numbers and strings with strings", async () => {
    const key = await withThings(THINGS);
    expect(await names(key, { n: { $gt: 1 } })).toEqual(["b", "d"]);
    expect(await names(key, { n: { $gte: 1, $lt: 10 } })).toEqual(["a", "b"]);
    expect(await names(key, { n: { $lte: 5 } })).toEqual(["a", "b"]);
    expect(await names(key, { name: { $gt: "c" } })).toEqual(["d", "e"]);
    expect(await names(key, { "parts.w": { $gt: 10 } })).toEqual(["a"]);
  });

  it("negates with $ne, $nin and $not, matching documents whose field is missing or of another type", async () => {
    const key = await withThings(THINGS);
    expect(await names(key, { n: { $ne: 5 } })).toEqual(["a", "c", "d", "e"]);
    expect(await names(key, { tags: { $ne: "x" } })).toEqual(["b", "c", "d"]);
    expect(await names(key, { n: { $nin: [1, 5, 10] } })).toEqual(["c", "e"]);
    // "five" is not greater than 3, so $not matches it, and the documents with no number.
    expect(await names(key, { n: { $not: { $gt: 3 } } })).toEqual(["a", "c", "e"]);
  });

  it("tests presence with $exists, membership with $in, and combines with $and / $or", async () => {
    const key = await withThings(THINGS);
    expect(await names(key, { flag: { $exists: true } })).toEqual(["d"]);
    expect(await names(key, { parts: { $exists: false } })).toEqual(["c", "d", "e"]);
    expect(await names(key, { n: { $in: [1, 10, "five"] } })).toEqual(["a", "c", "d"]);
    expect(await names(key, { n: { $in: [] } })).toEqual([]);
    expect(await names(key, { $or: [{ n: 1 }, { flag: true }] })).toEqual(["a", "d"]);
    expect(
      await names(key, { $and: [{ tags: "y" }, { $or: [{ n: 5 }, { "meta.size": 3 }] }] }),
    ).toEqual(["a", "b"]);
  });

  it("sorts, skips, limits and projects", async () => {
    const key = await withThings(THINGS);
    const res = await find(key, "things", {
      filter: { n: { $gte: 1 } },
      sort: { n: -1 },
      skip: 1,
      limit: 1,
      projection: { "meta.color": 1 },
    });
    const body = (await expectConforms(findDocuments, res)) as Found;
    expect(body.documents).toEqual([{ _id: expect.any(String), meta: { color: "blue" } }]);
    const without = (await (
      await find(key, "things", {
        filter: { name: "a" },
        projection: { parts: 0, _id: 0, "meta.size": 0 },
      })
    ).json()) as Found;
    expect(without.documents).toEqual([
      { name: "a", n: 1, tags: ["x", "y"], meta: { color: "red" } },
    ]);
  });

  it("shows the SQL that ran: names and values are bound parameters, never in the text", async () => {
    const key = await withThings(THINGS);
    const res = await find(key, "things", { filter: { "meta.color": "red" }, sort: { n: 1 } });
    const { sql } = (await res.json()) as Found;
    expect(sql.text).toContain('"document"."body" @@ $3::jsonpath');
    expect(sql.text).not.toMatch(/meta|color|red/);
    expect(sql.params).toMatchObject({
      $2: "things",
      $3: 'exists($."meta"."color" ? (@ == "red"))',
      $4: "n",
    });
  });
});

describe("find: hostile filters fail clearly or match nothing", () => {
  const cases: Array<[string, unknown, string[]]> = [
    ["an unknown operator", { n: { $where: "1" } }, ["filter.n.$where"]],
    ["a logical operator on a field", { n: { $or: [] } }, ["filter.n.$or"]],
    ["a field operator at the top", { $gt: 5 }, ["filter.$gt"]],
    [
      "operators mixed with a field name",
      { meta: { $exists: true, color: "red" } },
      ["filter.meta.color"],
    ],
    ["an object to compare with", { meta: { $eq: { color: "red" } } }, ["filter.meta.$eq"]],
    ["an array to compare with", { tags: ["x", "y"] }, ["filter.tags"]],
    ["$in without an array", { n: { $in: 5 } }, ["filter.n.$in"]],
    ["an object inside $in", { n: { $in: [1, { $gt: 1 }] } }, ["filter.n.$in.1"]],
    ["$exists with a string", { n: { $exists: "yes" } }, ["filter.n.$exists"]],
    ["$gt with a boolean", { n: { $gt: true } }, ["filter.n.$gt"]],
    ["$not with a value", { n: { $not: 5 } }, ["filter.n.$not"]],
    ["$or that is not a list", { $or: { n: 1 } }, ["filter.$or"]],
    ["an empty $and", { $and: [] }, ["filter.$and"]],
    ["an empty name in a path", { "meta..color": 1 }, ["filter.meta..color"]],
    ["a NUL in a value", { name: "a\u0000" }, ["filter"]],
    ["a filter that is not an object", [{ n: 1 }], ["filter"]],
  ];
  for (const [what, filter, fields] of cases) {
    it(`refuses ${what}: 422 naming where`, async () => {
      const key = await newSandboxKey();
      await expectProblem(await find(key, "books", { filter }), "validation", fields);
    });
  }

  it("refuses filters nested too deep, and too many conditions", async () => {
    const key = await newSandboxKey();
    let deep: Record<string, unknown> = { n: 1 };
    for (let i = 0; i < 10; i++) deep = { $and: [deep] };
    const tooDeep = await expectProblem(await find(key, "books", { filter: deep }), "validation");
    expect(tooDeep.errors?.[0]?.message).toMatch(/nests deeper than 8 levels/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, i]));
    const tooMany = await expectProblem(await find(key, "books", { filter: many }), "validation", [
      "filter.f50",
    ]);
    expect(tooMany.errors?.[0]?.message).toMatch(/at most 50/);
  });

  it("treats quotes, jsonpath and SQL in names and values as data: they match nothing and break nothing", async () => {
    const key = await newSandboxKey();
    const attempts = [
      { 'title" || true || "': "x" },
      { "title') or 1=1 --": "x" },
      { title: "x' or '1'='1" },
      { title: '" || true || "' },
      { 'title ? (@ != "")': 1 },
      { "*": "SQL Performance Explained" },
      { "title\\": "x" },
      { title: { $in: ['") || true || ("', "; drop table document; --"] } },
    ];
    for (const filter of attempts) {
      const res = await find(key, "books", { filter });
      const text = await res.clone().text();
      expect(res.status, `${JSON.stringify(filter)}: ${text}`).toBe(200);
      expect(((await res.json()) as Found).documents, JSON.stringify(filter)).toEqual([]);
    }
    // The books are all still there.
    const all = (await (await find(key, "books", { limit: 100 })).json()) as Found;
    expect(all.documents).toHaveLength(12);
  });

  it("refuses a bad sort, projection, limit or skip", async () => {
    const key = await newSandboxKey();
    const bad: Array<[unknown, string[]]> = [
      [{ sort: { price: 2 } }, ["sort.price"]],
      [{ sort: { $where: 1 } }, ["sort.$where"]],
      [{ projection: { title: 1, pages: 0 } }, ["projection"]],
      [{ limit: 101 }, ["limit"]],
      [{ skip: -1 }, ["skip"]],
      [{ filter: {}, explain: true }, ["explain"]],
    ];
    for (const [body, fields] of bad) {
      await expectProblem(await find(key, "books", body), "validation", fields);
    }
  });
});

describe("documents: insert, read, replace, patch, delete", () => {
  it("stores any JSON object with a server-assigned _id, and answers where it lives", async () => {
    const key = await newSandboxKey();
    const doc = {
      title: "Ü ✓",
      nested: { list: [1, "two", { three: 3 }], empty: {} },
      big: 12345678901234,
      f: 1.5,
    };
    const res = await insert(key, "notes", doc);
    const body = (await expectConforms(insertDocument, res)) as Record<string, unknown>;
    expect(body).toEqual({ _id: expect.any(String), ...doc });
    expect(Object.keys(body)[0]).toBe("_id");
    expect(res.headers.get("location")).toBe(`/api/v1/documents/notes/${body._id}`);
    const read = await documents(`/api/v1/documents/notes/${body._id}`, { key });
    expect(await read.json()).toEqual(body);
  });

  it("refuses names a filter could not address, _id, NUL and deep nesting: 422 naming each", async () => {
    const key = await newSandboxKey();
    const bad: Array<[unknown, string[]]> = [
      [{ $set: 1 }, ["$set"]],
      [{ "a.b": 1 }, ["a.b"]],
      [{ "": 1 }, ["(root)"]],
      [{ a: { "": 1 } }, ["a"]],
      [{ _id: "mine" }, ["_id"]],
      [{ a: { b: [{ $c: 1 }] } }, ["a.b.0.$c"]],
      [{ a: "nul\u0000" }, ["a"]],
      [JSON.parse('{"__proto__": {"polluted": true}}'), ["__proto__"]],
    ];
    for (const [doc, fields] of bad) {
      await expectProblem(await insert(key, "notes", doc), "validation", fields);
    }
    let deep: unknown = 1;
    for (let i = 0; i < 12; i++) deep = { d: deep };
    const problem = await expectProblem(await insert(key, "notes", deep), "validation");
    expect(problem.detail).toMatch(/Invalid body/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A document must be an object.
    await expectProblem(await insert(key, "notes", [1, 2]), "validation");
    await expectProblem(await insert(key, "notes", JSON.stringify("text")), "validation");
  });

  it("replaces with PUT and merges with PATCH (RFC 7396): null removes, objects merge, arrays replace", async () => {
    const key = await newSandboxKey();
    const created = (await (
      await insert(key, "notes", { a: 1, b: { c: 2, d: 3 }, list: [1, 2] })
    ).json()) as {
      _id: string;
    };
    const url = `/api/v1/documents/notes/${created._id}`;
    const patched = await documents(url, {
      key,
      method: "PATCH",
      headers: { "content-type": "application/merge-patch+json" },
      body: { a: null, b: { c: null, e: 5 }, list: [3] },
    });
    expect(await patched.json()).toEqual({ _id: created._id, b: { d: 3, e: 5 }, list: [3] });
    const replaced = await documents(url, { key, method: "PUT", body: { only: true } });
    expect(await replaced.json()).toEqual({ _id: created._id, only: true });
    expect((await documents(url, { key, method: "DELETE" })).status).toBe(204);
    await expectProblem(await documents(url, { key }), "not-found");
    await expectProblem(await documents(url, { key, method: "DELETE" }), "not-found");
    await expectProblem(
      await documents(url, { key, method: "PATCH", body: { a: 1 } }),
      "not-found",
    );
  });

  it("refuses a bad collection name or document id in the path", async () => {
    const key = await newSandboxKey();
    await expectProblem(await insert(key, "Bad Name", { a: 1 }), "validation", ["collection"]);
    await expectProblem(await insert(key, "x".repeat(41), { a: 1 }), "validation", ["collection"]);
    await expectProblem(await documents("/api/v1/documents/books/42", { key }), "validation", [
      "id",
    ]);
    await expectProblem(
      await documents("/api/v1/documents/books/find", { key }),
      "method-not-allowed",
    );
  });

  it("deletes what a filter matches, and drops a whole collection", async () => {
    const key = await withThings(THINGS);
    const res = await documents("/api/v1/documents/things/delete", {
      key,
      method: "POST",
      body: { filter: { tags: "y" } },
    });
    expect(await res.json()).toMatchObject({ deletedCount: 2 });
    expect(await names(key, {})).toEqual(["c", "d", "e"]);
    expect((await documents("/api/v1/documents/things", { key, method: "DELETE" })).status).toBe(
      204,
    );
    const list = await documents("/api/v1/documents", { key });
    expect(await list.json()).toEqual({ collections: [{ name: "books", count: 12 }] });
  });

  it(`holds at most ${DOCUMENT_LIMITS.collections} collections per sandbox: the next is 409`, async () => {
    const key = await newSandboxKey();
    // books is the first.
    for (let i = 1; i < DOCUMENT_LIMITS.collections; i++) {
      expect((await insert(key, `c${i}`, { i })).status).toBe(201);
    }
    const refused = await expectProblem(await insert(key, "onemore", { i: 0 }), "conflict");
    expect(refused.detail).toMatch(/10 collections/);
    // An existing collection still takes documents.
    expect((await insert(key, "c1", { i: 2 })).status).toBe(201);
  });
});

describe("documents: one sandbox never sees another's", () => {
  it("finds, reads, changes and deletes only the caller's documents", async () => {
    const mine = await newSandboxKey();
    const theirs = await newSandboxKey();
    const secret = (await (await insert(theirs, "private", { secret: "marker-7431" })).json()) as {
      _id: string;
    };
    const url = `/api/v1/documents/private/${secret._id}`;
    await expectProblem(await documents(url, { key: mine }), "not-found");
    await expectProblem(
      await documents(url, { key: mine, method: "PUT", body: { x: 1 } }),
      "not-found",
    );
    await expectProblem(await documents(url, { key: mine, method: "DELETE" }), "not-found");
    const found = await find(mine, "private", { filter: { secret: "marker-7431" } });
    expect(((await found.json()) as Found).documents).toEqual([]);
    const deleted = await documents("/api/v1/documents/private/delete", {
      key: mine,
      method: "POST",
      body: { filter: {} },
    });
    expect(await deleted.json()).toMatchObject({ deletedCount: 0 });
    const list = await documents("/api/v1/documents", { key: mine });
    const text = await list.text();
    expect(text).not.toContain("private");
    expectNoInternals(text);
    // Still there for its owner.
    expect(await (await documents(url, { key: theirs })).json()).toEqual({
      _id: secret._id,
      secret: "marker-7431",
    });
  });
});
