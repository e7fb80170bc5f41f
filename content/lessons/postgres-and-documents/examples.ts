import { defineExamples } from "@/content/examples";

const FIND = "/api/v1/documents/books/find";
const PROBLEM = { "content-type": "application/problem+json" } as const;

/**
 * Every request the documents lesson shows, in order, on a fresh sandbox: its seeded `books`
 * collection (lib/postgres-and-documents/seed.ts) is queried, a book is added and changed, a
 * hostile filter is refused or defused, and the books out of stock are deleted last.
 */
export const examples = defineExamples({
  collections: {
    title: "Your collections",
    method: "GET",
    path: "/api/v1/documents",
    expect: { status: 200, body: { collections: [{ name: "books", count: 12 }] } },
  },
  findByTag: {
    title: "Books tagged sql (tags is an array)",
    method: "POST",
    path: FIND,
    body: { filter: { tags: "sql" }, projection: { _id: 0, title: 1, tags: 1 } },
    expect: {
      status: 200,
      body: {
        documents: [
          { title: "SQL Performance Explained", tags: ["sql", "indexes"] },
          { title: "The Art of PostgreSQL", tags: ["sql", "postgres"] },
          { title: "Learning SQL", tags: ["sql"] },
          { title: "High Performance MySQL", tags: ["sql", "mysql", "indexes"] },
        ],
        sql: { params: { $2: "books", $3: 'exists($."tags" ? (@ == "sql"))', $4: 20 } },
      },
    },
  },
  findRange: {
    title: "Since 2018, under 40.00, newest first",
    method: "POST",
    path: FIND,
    body: {
      filter: { year: { $gte: 2018 }, price: { $lt: 4000 } },
      sort: { year: -1, price: 1 },
      projection: { _id: 0, title: 1, year: 1, price: 1 },
    },
    expect: {
      status: 200,
      body: {
        documents: [
          { title: "Learning SQL", year: 2020, price: 3299 },
          { title: "The Art of PostgreSQL", year: 2019, price: 3900 },
          { title: "Seven Databases in Seven Weeks", year: 2018, price: 3195 },
          { title: "Release It!", year: 2018, price: 3495 },
        ],
      },
    },
  },
  findNested: {
    title: "A field inside an object: author.country",
    method: "POST",
    path: FIND,
    body: {
      filter: { "author.country": "DE" },
      projection: { _id: 0, title: 1, "author.name": 1 },
    },
    expect: {
      status: 200,
      body: {
        documents: [
          { title: "Designing Data-Intensive Applications", author: { name: "Martin Kleppmann" } },
          { title: "Database Internals", author: { name: "Alex Petrov" } },
        ],
      },
    },
  },
  findOr: {
    title: "Out of stock, or reviewed 2 stars or less",
    method: "POST",
    path: FIND,
    body: {
      filter: { $or: [{ inStock: false }, { "reviews.stars": { $lte: 2 } }] },
      projection: { _id: 0, title: 1 },
    },
    expect: {
      status: 200,
      body: {
        documents: [
          { title: "The Art of PostgreSQL" },
          { title: "Site Reliability Engineering" },
          { title: "Seven Databases in Seven Weeks" },
          { title: "PostgreSQL: Up and Running" },
        ],
      },
    },
  },
  findNe: {
    title: "Databases books ana did not review",
    method: "POST",
    path: FIND,
    body: {
      filter: { tags: "databases", "reviews.by": { $ne: "ana" } },
      projection: { _id: 0, title: 1 },
    },
    expect: {
      status: 200,
      body: {
        documents: [{ title: "Database Internals" }, { title: "Seven Databases in Seven Weeks" }],
      },
    },
  },
  insert: {
    title: "Insert a document: no schema first",
    method: "POST",
    path: "/api/v1/documents/books",
    body: {
      title: "Documents in Postgres",
      author: { name: "You", country: "NL" },
      year: 2026,
      pages: 120,
      price: 2500,
      tags: ["postgres", "mongodb"],
      inStock: true,
      draft: true,
    },
    captures: { bookId: "body._id" },
    expect: {
      status: 201,
      headers: { location: "/api/v1/documents/books/" },
      body: { title: "Documents in Postgres", author: { name: "You", country: "NL" }, draft: true },
    },
  },
  patch: {
    title: "Change part of it: a merge patch (null removes)",
    method: "PATCH",
    path: "/api/v1/documents/books/{{bookId}}",
    headers: { "content-type": "application/merge-patch+json" },
    body: { price: 1999, draft: null, author: { country: "BE" } },
    expect: {
      status: 200,
      body: {
        title: "Documents in Postgres",
        author: { name: "You", country: "BE" },
        price: 1999,
      },
    },
  },
  read: {
    title: "Read it back",
    method: "GET",
    path: "/api/v1/documents/books/{{bookId}}",
    expect: {
      status: 200,
      body: { price: 1999, tags: ["postgres", "mongodb"] },
    },
  },
  unknownOperator: {
    title: "An operator this API does not know",
    method: "POST",
    path: FIND,
    body: { filter: { title: { $regex: "^SQL" } } },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        errors: [
          {
            in: "body",
            field: "filter.title.$regex",
            message:
              "is not an operator here; use one of $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists, $not",
          },
        ],
      },
    },
  },
  hostileName: {
    title: "A field name that tries to break out",
    method: "POST",
    path: FIND,
    body: { filter: { 'title" || true || "': "x" } },
    expect: {
      status: 200,
      body: {
        documents: [],
        sql: { params: { $3: 'exists($."title\\" || true || \\"" ? (@ == "x"))' } },
      },
    },
  },
  deleteOutOfStock: {
    title: "Delete what a filter matches",
    method: "POST",
    path: "/api/v1/documents/books/delete",
    body: { filter: { inStock: false } },
    expect: { status: 200, body: { deletedCount: 3 } },
  },
});
