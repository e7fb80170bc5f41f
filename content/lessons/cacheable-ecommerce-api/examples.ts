import { defineExamples } from "@/content/examples";

const ALICE = { email: "alice@example.com", password: "correct horse battery staple" } as const;
const ADMIN = { email: "admin@example.com", password: "sandbox-admin-password" } as const;
const alice = { Authorization: "Bearer {{aliceToken}}" } as const;
const admin = { Authorization: "Bearer {{adminToken}}" } as const;
const MUG = { id: 7, sku: "COF-MUG-LTD", name: "Limited-edition enamel mug", priceCents: 2400 };
const COUNTS = [
  { slug: "coffee", products: 9 },
  { slug: "books", products: 9 },
  { slug: "desk", products: 9 },
  { slug: "audio", products: 8 },
  { slug: "apparel", products: 8 },
] as const;

/**
 * The mini-project's requests, in order, on a fresh sandbox: the mug is read (MISS, then HIT),
 * revalidated (304); Alice buys one, and the same revalidation now gets the new stock (200, MISS);
 * the admin takes the poster off sale, and the category counts are read again from the database.
 */
export const examples = defineExamples({
  mug: {
    title: "The mug, first read",
    method: "GET",
    path: "/api/v1/shop/products/7",
    expect: { status: 200, headers: { "x-cache": "MISS" }, body: { ...MUG, stock: 3 } },
  },
  mugAgain: {
    title: "The mug again: keep its ETag",
    method: "GET",
    path: "/api/v1/shop/products/7",
    captures: { mugEtag: "header.etag" },
    expect: { status: 200, headers: { "x-cache": "HIT", etag: '"' }, body: { ...MUG, stock: 3 } },
  },
  mugRevalidate: {
    title: "Still current?",
    method: "GET",
    path: "/api/v1/shop/products/7",
    headers: { "If-None-Match": "{{mugEtag}}" },
    expect: { status: 304, headers: { "x-cache": "HIT" } },
  },
  registerAlice: {
    title: "Register Alice",
    method: "POST",
    path: "/api/v1/auth/register",
    body: ALICE,
    expect: { status: 201, body: { email: ALICE.email } },
  },
  loginAlice: {
    title: "Alice logs in",
    method: "POST",
    path: "/api/v1/auth/login",
    body: ALICE,
    captures: { aliceToken: "body.accessToken" },
    expect: { status: 200, body: { tokenType: "Bearer" } },
  },
  buyMug: {
    title: "Alice buys a mug",
    method: "POST",
    path: "/api/v1/shop/orders",
    headers: alice,
    body: { items: [{ productId: 7, quantity: 1 }] },
    expect: { status: 201, body: { lines: [{ productId: 7, quantity: 1 }] } },
  },
  mugAfterOrder: {
    title: "Still current, after the order?",
    method: "GET",
    path: "/api/v1/shop/products/7",
    headers: { "If-None-Match": "{{mugEtag}}" },
    expect: { status: 200, headers: { "x-cache": "MISS" }, body: { ...MUG, stock: 2 } },
  },
  categories: {
    title: "The category counts",
    method: "GET",
    path: "/api/v1/shop/categories",
    expect: {
      status: 200,
      headers: { "x-cache": "MISS" },
      body: { data: [...COUNTS, { slug: "stickers", products: 7 }] },
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
  retirePoster: {
    title: "The poster goes off sale",
    method: "PATCH",
    path: "/api/v1/shop/products/50",
    headers: admin,
    body: { active: false },
    expect: { status: 200, body: { id: 50, active: false } },
  },
  categoriesAfter: {
    title: "The category counts, after",
    method: "GET",
    path: "/api/v1/shop/categories",
    expect: {
      status: 200,
      headers: { "x-cache": "MISS" },
      body: { data: [...COUNTS, { slug: "stickers", products: 6 }] },
    },
  },
});
