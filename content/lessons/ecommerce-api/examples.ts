import { defineExamples } from "@/content/examples";

const PROBLEM = { "content-type": "application/problem+json" } as const;
const ALICE = { email: "alice@example.com", password: "correct horse battery staple" } as const;
const BOB = { email: "bob@example.com", password: "bob-likes-long-passphrases" } as const;
const ADMIN = { email: "admin@example.com", password: "sandbox-admin-password" } as const;

const alice = { Authorization: "Bearer {{aliceToken}}" } as const;
const bob = { Authorization: "Bearer {{bobToken}}" } as const;
const admin = { Authorization: "Bearer {{adminToken}}" } as const;
/** The draft's form: a Structured Field String, quotes included. */
const key = (value: string) => ({ "Idempotency-Key": `"${value}"` });

const MUG = {
  id: 7,
  sku: "COF-MUG-LTD",
  name: "Limited-edition enamel mug",
  category: "coffee",
  priceCents: 2400,
  currency: "USD",
} as const;
const BEANS = { productId: 1, name: "Ethiopia Yirgacheffe beans, 250 g", unitPriceCents: 1450 };
const BOOK = { productId: 10, name: "Designing Data-Intensive Applications", unitPriceCents: 4999 };

/**
 * Every request the shop lesson shows, in the order it shows them: one story on a fresh (or
 * freshly reset) sandbox, whose shop holds products 1 to 50 and whose only user is the admin
 * (id 1). Alice (2) browses, fills her cart, checks out (order 1), buys two of the three mugs
 * (order 2), retries, and is refused a third; Bob (3) cannot see her orders; the admin restocks,
 * reprices and deactivates.
 */
export const examples = defineExamples({
  categories: {
    title: "The categories",
    method: "GET",
    path: "/api/v1/shop/categories",
    expect: {
      status: 200,
      body: {
        data: [
          { id: 1, slug: "coffee", name: "Coffee", products: 9 },
          { id: 2, slug: "books", name: "Books", products: 9 },
          { id: 3, slug: "desk", name: "Desk", products: 9 },
          { id: 4, slug: "audio", name: "Audio", products: 8 },
          { id: 5, slug: "apparel", name: "Apparel", products: 8 },
          { id: 6, slug: "stickers", name: "Stickers", products: 7 },
        ],
      },
    },
  },
  products: {
    title: "The first page of products",
    method: "GET",
    path: "/api/v1/shop/products",
    query: { limit: "3" },
    expect: {
      status: 200,
      headers: { link: 'rel="next"' },
      body: {
        data: [
          { id: 1, priceCents: 1450, currency: "USD", stock: 40 },
          { id: 2, priceCents: 1290 },
          { id: 3, priceCents: 3800 },
        ],
        pagination: { page: 1, limit: 3, total: 50, totalPages: 17 },
      },
    },
  },
  productsFiltered: {
    title: "Coffee under $25, dearest first",
    method: "GET",
    path: "/api/v1/shop/products",
    query: { category: "coffee", maxPriceCents: "2500", sort: "-price" },
    expect: {
      status: 200,
      body: {
        data: [
          { id: 7, priceCents: 2400 },
          { id: 1, priceCents: 1450 },
          { id: 4, priceCents: 1350 },
          { id: 2, priceCents: 1290 },
          { id: 9, priceCents: 599 },
        ],
        pagination: { total: 5 },
      },
    },
  },
  productsInvalid: {
    title: "A category and a sort that do not exist",
    method: "GET",
    path: "/api/v1/shop/products",
    query: { category: "tea", sort: "cheapest" },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        errors: [
          {
            in: "query",
            field: "category",
            message: "must be one of coffee, books, desk, audio, apparel, stickers",
          },
          { in: "query", field: "sort", message: "must be one of id, name, price, -price, newest" },
        ],
      },
    },
  },
  mug: {
    title: "Product 7: three left",
    method: "GET",
    path: "/api/v1/shop/products/7",
    expect: { status: 200, body: { ...MUG, stock: 3, active: true } },
  },
  registerAlice: {
    title: "Register Alice",
    method: "POST",
    path: "/api/v1/auth/register",
    body: ALICE,
    expect: { status: 201, body: { id: 2, email: ALICE.email, role: "customer" } },
  },
  loginAlice: {
    title: "Alice logs in",
    method: "POST",
    path: "/api/v1/auth/login",
    body: ALICE,
    captures: { aliceToken: "body.accessToken" },
    expect: { status: 200, body: { tokenType: "Bearer" } },
  },
  cartWithoutToken: {
    title: "A cart, but whose?",
    method: "GET",
    path: "/api/v1/shop/cart",
    expect: {
      status: 401,
      headers: { ...PROBLEM, "www-authenticate": 'Bearer realm="sandbox"' },
      body: { title: "Access token required", status: 401 },
    },
  },
  addBeans: {
    title: "Two bags of beans in Alice's cart",
    method: "PUT",
    path: "/api/v1/shop/cart/items/1",
    headers: alice,
    body: { quantity: 2 },
    expect: {
      status: 200,
      body: {
        items: [{ ...BEANS, quantity: 2, lineTotalCents: 2900, available: true }],
        totalCents: 2900,
        currency: "USD",
      },
    },
  },
  addBook: {
    title: "And a book",
    method: "PUT",
    path: "/api/v1/shop/cart/items/10",
    headers: alice,
    body: { quantity: 1 },
    expect: { status: 200, body: { totalCents: 7899 } },
  },
  halfABook: {
    title: "Half a book",
    method: "PUT",
    path: "/api/v1/shop/cart/items/10",
    headers: alice,
    body: { quantity: 1.5 },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        errors: [{ in: "body", field: "quantity", message: "must be a whole number of units" }],
      },
    },
  },
  cart: {
    title: "Alice's cart",
    method: "GET",
    path: "/api/v1/shop/cart",
    headers: alice,
    expect: {
      status: 200,
      body: {
        items: [
          { ...BEANS, quantity: 2, lineTotalCents: 2900 },
          { ...BOOK, quantity: 1, lineTotalCents: 4999 },
        ],
        totalCents: 7899,
      },
    },
  },
  checkout: {
    title: "Alice checks out her cart",
    method: "POST",
    path: "/api/v1/shop/orders",
    headers: { ...alice, ...key("alice-checkout-1") },
    body: { fromCart: true },
    expect: {
      status: 201,
      headers: { location: "/api/v1/shop/orders/1" },
      body: {
        id: 1,
        status: "placed",
        currency: "USD",
        totalCents: 7899,
        lines: [
          { ...BEANS, quantity: 2, lineTotalCents: 2900 },
          { ...BOOK, quantity: 1, lineTotalCents: 4999 },
        ],
      },
    },
  },
  cartAfterCheckout: {
    title: "The cart, after",
    method: "GET",
    path: "/api/v1/shop/cart",
    headers: alice,
    expect: { status: 200, body: { items: [], totalCents: 0 } },
  },
  orderMugs: {
    title: "Alice orders two mugs",
    method: "POST",
    path: "/api/v1/shop/orders",
    headers: { ...alice, ...key("alice-mugs-1") },
    body: { items: [{ productId: 7, quantity: 2 }] },
    expect: {
      status: 201,
      headers: { location: "/api/v1/shop/orders/2" },
      body: {
        id: 2,
        totalCents: 4800,
        lines: [{ productId: 7, unitPriceCents: 2400, quantity: 2, lineTotalCents: 4800 }],
      },
    },
  },
  orderMugsRetry: {
    title: "The same request again: a retry",
    method: "POST",
    path: "/api/v1/shop/orders",
    headers: { ...alice, ...key("alice-mugs-1") },
    body: { items: [{ productId: 7, quantity: 2 }] },
    expect: {
      status: 201,
      headers: { location: "/api/v1/shop/orders/2", "idempotent-replayed": "true" },
      body: { id: 2, totalCents: 4800 },
    },
  },
  mugAfterRetry: {
    title: "Product 7 after the order and its retry",
    method: "GET",
    path: "/api/v1/shop/products/7",
    expect: { status: 200, body: { id: 7, stock: 1 } },
  },
  keyReused: {
    title: "The same key, another body",
    method: "POST",
    path: "/api/v1/shop/orders",
    headers: { ...alice, ...key("alice-mugs-1") },
    body: { items: [{ productId: 7, quantity: 1 }] },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: { title: "This Idempotency-Key was used for a different request", status: 422 },
    },
  },
  oversell: {
    title: "Two more mugs, with one left",
    method: "POST",
    path: "/api/v1/shop/orders",
    headers: { ...alice, ...key("alice-mugs-2") },
    body: { items: [{ productId: 7, quantity: 2 }] },
    expect: {
      status: 409,
      headers: PROBLEM,
      body: {
        title: "Not enough stock",
        status: 409,
        detail:
          "Nothing was ordered: only 1 of product 7 (Limited-edition enamel mug) left, and you asked for 2.",
      },
    },
  },
  allOrNothing: {
    title: "Espresso and a sold-out T-shirt",
    method: "POST",
    path: "/api/v1/shop/orders",
    headers: alice,
    body: {
      items: [
        { productId: 3, quantity: 1 },
        { productId: 43, quantity: 1 },
      ],
    },
    expect: {
      status: 409,
      headers: PROBLEM,
      body: {
        title: "Not enough stock",
        detail:
          "Nothing was ordered: product 43 (T-shirt: 500 Internal Server Error) is sold out, and you asked for 1.",
      },
    },
  },
  espressoAfter: {
    title: "Product 3: still twelve",
    method: "GET",
    path: "/api/v1/shop/products/3",
    expect: { status: 200, body: { id: 3, stock: 12 } },
  },
  unknownProduct: {
    title: "A product that does not exist",
    method: "POST",
    path: "/api/v1/shop/orders",
    headers: alice,
    body: { items: [{ productId: 999, quantity: 1 }] },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        errors: [
          {
            in: "body",
            field: "items.0.productId",
            message: "is not a product of your sandbox's shop",
          },
        ],
      },
    },
  },
  orders: {
    title: "Alice's orders",
    method: "GET",
    path: "/api/v1/shop/orders",
    headers: alice,
    expect: {
      status: 200,
      body: {
        data: [
          { id: 2, totalCents: 4800 },
          { id: 1, totalCents: 7899 },
        ],
        pagination: { page: 1, limit: 10, total: 2, totalPages: 1 },
      },
    },
  },
  registerBob: {
    title: "Register Bob",
    method: "POST",
    path: "/api/v1/auth/register",
    body: BOB,
    expect: { status: 201, body: { id: 3, email: BOB.email, role: "customer" } },
  },
  loginBob: {
    title: "Bob logs in",
    method: "POST",
    path: "/api/v1/auth/login",
    body: BOB,
    captures: { bobToken: "body.accessToken" },
    expect: { status: 200, body: { tokenType: "Bearer" } },
  },
  bobReadsAlicesOrder: {
    title: "Bob asks for order 1, Alice's",
    method: "GET",
    path: "/api/v1/shop/orders/1",
    headers: bob,
    expect: {
      status: 404,
      headers: PROBLEM,
      body: { status: 404, detail: "You have no order 1." },
    },
  },
  bobSameKey: {
    title: "Bob buys the last mug, with Alice's key",
    method: "POST",
    path: "/api/v1/shop/orders",
    headers: { ...bob, ...key("alice-mugs-1") },
    body: { items: [{ productId: 7, quantity: 1 }] },
    expect: {
      status: 201,
      headers: { location: "/api/v1/shop/orders/3" },
      body: { id: 3, totalCents: 2400 },
    },
  },
  customerCreatesProduct: {
    title: "Alice tries to add a product",
    method: "POST",
    path: "/api/v1/shop/products",
    headers: alice,
    body: {
      sku: "STK-FREE",
      name: "Free stickers",
      category: "stickers",
      priceCents: 1,
      stock: 1000,
    },
    expect: {
      status: 403,
      headers: { ...PROBLEM, "www-authenticate": 'error="insufficient_scope"' },
      body: { title: "Your role does not allow this", status: 403 },
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
  createProduct: {
    title: "The admin adds a product",
    method: "POST",
    path: "/api/v1/shop/products",
    headers: admin,
    body: {
      sku: "STK-IDEM-KEY",
      name: "Sticker: Idempotency-Key",
      category: "stickers",
      priceCents: 350,
      stock: 500,
    },
    expect: {
      status: 201,
      headers: { location: "/api/v1/shop/products/51" },
      body: { id: 51, priceCents: 350, currency: "USD", stock: 500, active: true },
    },
  },
  priceAsFloat: {
    title: "A price in dollars",
    method: "POST",
    path: "/api/v1/shop/products",
    headers: admin,
    body: {
      sku: "STK-FLOAT",
      name: "Sticker: 0.1 + 0.2",
      category: "stickers",
      priceCents: 3.5,
      stock: 10,
    },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        errors: [
          {
            in: "body",
            field: "priceCents",
            message: "must be a whole number of cents (1999 for $19.99), never a fraction",
          },
        ],
      },
    },
  },
  restock: {
    title: "Restock the mugs, at a new price",
    method: "PATCH",
    path: "/api/v1/shop/products/7",
    headers: admin,
    body: { stock: 10, priceCents: 2600 },
    expect: { status: 200, body: { ...MUG, priceCents: 2600, stock: 10, active: true } },
  },
  orderKeepsItsPrice: {
    title: "Alice's order 2, after the price change",
    method: "GET",
    path: "/api/v1/shop/orders/2",
    headers: alice,
    expect: {
      status: 200,
      body: {
        id: 2,
        totalCents: 4800,
        lines: [{ productId: 7, unitPriceCents: 2400, quantity: 2 }],
      },
    },
  },
  deactivate: {
    title: "Stop selling the 500 T-shirt",
    method: "PATCH",
    path: "/api/v1/shop/products/43",
    headers: admin,
    body: { active: false },
    expect: { status: 200, body: { id: 43, active: false } },
  },
  orderDeactivated: {
    title: "Alice orders it anyway",
    method: "POST",
    path: "/api/v1/shop/orders",
    headers: alice,
    body: { items: [{ productId: 43, quantity: 1 }] },
    expect: {
      status: 409,
      headers: PROBLEM,
      body: {
        title: "Conflict with the current state",
        detail:
          "Nothing was ordered: product 43 (T-shirt: 500 Internal Server Error) is no longer sold.",
      },
    },
  },
});
