import { describe, expect, it } from "vitest";
import { referenceGroups } from "@/components/reference/model";
import { siteOpenApiDocument } from "@/lib/openapi/site-document";

const doc = siteOpenApiDocument();

describe("the shop in the OpenAPI document", () => {
  it("documents Idempotency-Key as an optional header of POST /api/v1/shop/orders", () => {
    const place = doc.paths["/api/v1/shop/orders"]?.post;
    expect(place?.parameters).toEqual([
      expect.objectContaining({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        schema: { type: "string" },
      }),
    ]);
    expect(place?.responses["201"]).toMatchObject({
      headers: {
        location: { required: true },
        "idempotent-replayed": { required: false },
      },
    });
  });

  it("answers a short stock, a key in use and a general conflict as one 409, and key reuse with the 422s", () => {
    const place = doc.paths["/api/v1/shop/orders"]?.post;
    expect(place?.responses["409"]).toEqual({
      $ref: "#/components/responses/ConflictOrInsufficientStockOrIdempotencyKeyInUse",
    });
    expect(place?.responses["422"]).toEqual({
      $ref: "#/components/responses/ValidationOrIdempotencyKeyReused",
    });
    const conflict = doc.components.responses.ConflictOrInsufficientStockOrIdempotencyKeyInUse;
    expect(conflict?.description).toContain("Not enough stock.");
  });

  it("needs a Bearer token for carts, orders and product changes, and only the sandbox to browse", () => {
    const bearer = [
      { sandboxKey: [], bearerToken: [] },
      { sandboxCookie: [], bearerToken: [] },
    ];
    expect(doc.paths["/api/v1/shop/cart"]?.get?.security).toEqual(bearer);
    expect(doc.paths["/api/v1/shop/orders/{id}"]?.get?.security).toEqual(bearer);
    expect(doc.paths["/api/v1/shop/products"]?.post?.security).toEqual(bearer);
    expect(doc.paths["/api/v1/shop/products/{id}"]?.patch?.security).toEqual(bearer);
    expect(doc.paths["/api/v1/shop/products"]?.get?.security).toBeUndefined();
    expect(doc.paths["/api/v1/shop/products/{id}"]?.patch?.responses["403"]).toEqual({
      $ref: "#/components/responses/InsufficientRoleOrForbidden",
    });
  });

  it("lists the shop's problems on the reference page, linking to the lesson's sections", () => {
    const group = referenceGroups(doc).find((g) => g.id === "ecommerce-api");
    const place = group?.operations.find(
      (op) => op.path === "/api/v1/shop/orders" && op.method === "POST",
    );
    const links = Object.fromEntries(place?.problems.map((p) => [p.title, p.explainedAt]) ?? []);
    expect(links).toMatchObject({
      "Not enough stock": "/learn/ecommerce-api#never-oversell",
      "This Idempotency-Key was used for a different request":
        "/learn/ecommerce-api#the-same-key-with-another-body",
      "A request with this Idempotency-Key is still being processed":
        "/learn/ecommerce-api#two-retries-at-once",
    });
  });
});
