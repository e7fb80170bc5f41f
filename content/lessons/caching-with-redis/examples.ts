import { defineExamples } from "@/content/examples";

const ADMIN = { email: "admin@example.com", password: "sandbox-admin-password" } as const;
const admin = { Authorization: "Bearer {{adminToken}}" } as const;
const BOOKS = { category: "books", limit: "3" } as const;
const PAGE = {
  data: [
    { id: 10, name: "Designing Data-Intensive Applications", priceCents: 4999 },
    { id: 11, name: "HTTP: The Definitive Guide", priceCents: 4450 },
    { id: 12, name: "PostgreSQL Administration Cookbook", priceCents: 5499 },
  ],
  pagination: { page: 1, limit: 3, total: 9, totalPages: 3 },
} as const;

/**
 * Every request the caching lesson shows, in its order, on a fresh sandbox: the shop of the
 * e-commerce lesson, whose catalog reads go through the cache. A read is a MISS, the same read a
 * HIT; a conditional read is 304; a price change empties the cache, so the next read is a MISS
 * with the new price, and the old ETag no longer matches.
 */
export const examples = defineExamples({
  firstRead: {
    title: "Books, 3 per page: the first read",
    method: "GET",
    path: "/api/v1/shop/products",
    query: BOOKS,
    expect: {
      status: 200,
      headers: { "x-cache": "MISS", "cache-status": "fwd=miss; stored" },
      body: PAGE,
    },
  },
  secondRead: {
    title: "The same read again",
    method: "GET",
    path: "/api/v1/shop/products",
    query: BOOKS,
    captures: { booksEtag: "header.etag" },
    expect: {
      status: 200,
      headers: { "x-cache": "HIT", "cache-status": "bmj-catalog; hit; ttl=", etag: '"' },
      body: PAGE,
    },
  },
  sameQuery: {
    title: "The same page, asked another way",
    method: "GET",
    path: "/api/v1/shop/products",
    query: { limit: "3", page: "1", category: "books", sort: "id" },
    expect: { status: 200, headers: { "x-cache": "HIT" }, body: PAGE },
  },
  revalidate: {
    title: "Is my copy still current?",
    method: "GET",
    path: "/api/v1/shop/products",
    query: BOOKS,
    headers: { "If-None-Match": "{{booksEtag}}" },
    expect: {
      status: 304,
      headers: { "x-cache": "HIT", "cache-control": "private, no-cache", etag: '"' },
    },
  },
  loginAdmin: {
    title: "The admin logs in",
    method: "POST",
    path: "/api/v1/auth/login",
    body: ADMIN,
    captures: { adminToken: "body.accessToken" },
    expect: { status: 200, body: { tokenType: "Bearer" } },
  },
  reprice: {
    title: "A price change",
    method: "PATCH",
    path: "/api/v1/shop/products/10",
    headers: admin,
    body: { priceCents: 3999 },
    expect: { status: 200, body: { id: 10, priceCents: 3999 } },
  },
  afterWrite: {
    title: "Books again, after the write",
    method: "GET",
    path: "/api/v1/shop/products",
    query: BOOKS,
    headers: { "If-None-Match": "{{booksEtag}}" },
    expect: {
      status: 200,
      headers: { "x-cache": "MISS" },
      body: { data: [{ id: 10, priceCents: 3999 }, { id: 11 }, { id: 12 }] },
    },
  },
  categories: {
    title: "The categories, cached the same way",
    method: "GET",
    path: "/api/v1/shop/categories",
    expect: {
      status: 200,
      headers: { "x-cache": "MISS", vary: "X-Sandbox-Key, Cookie" },
      body: {
        data: [
          { slug: "coffee", products: 9 },
          { slug: "books", products: 9 },
          { slug: "desk", products: 9 },
          { slug: "audio", products: 8 },
          { slug: "apparel", products: 8 },
          { slug: "stickers", products: 7 },
        ],
      },
    },
  },
});
