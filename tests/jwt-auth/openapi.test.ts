import { describe, expect, it } from "vitest";
import { referenceGroups } from "@/components/reference/model";
import { kindsOfResponseName } from "@/lib/openapi/problems";
import { siteOpenApiDocument } from "@/lib/openapi/site-document";

const doc = siteOpenApiDocument();

describe("the JWT lesson in the OpenAPI document", () => {
  it("declares the Bearer scheme, and needs it (with the sandbox) where a token is needed", () => {
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
    });
    expect(doc.paths["/api/v1/auth/me"]?.get?.security).toEqual([
      { sandboxKey: [], bearerToken: [] },
      { sandboxCookie: [], bearerToken: [] },
    ]);
    // Login needs the sandbox only (the document's default).
    expect(doc.paths["/api/v1/auth/login"]?.post?.security).toBeUndefined();
    expect(doc.paths["/api/v1/auth/jwks"]?.get?.security).toContainEqual({});
  });

  it("documents every 401 an operation can answer in one response, each with its challenge", () => {
    const me = doc.paths["/api/v1/auth/me"]?.get;
    expect(me?.responses["401"]).toEqual({
      $ref: "#/components/responses/UnauthorizedOrTokenRequiredOrInvalidToken",
    });
    expect(me?.responses["400"]).toEqual({ $ref: "#/components/responses/MalformedRequest" });
    const combined = doc.components.responses.UnauthorizedOrTokenRequiredOrInvalidToken;
    expect(combined?.description).toMatch(
      /^Authentication required\..* Or: Access token required\..* Or: Invalid token\./,
    );
    expect(combined?.headers?.["www-authenticate"]).toMatchObject({ required: true });
    expect(kindsOfResponseName("UnauthorizedOrInvalidCredentials")).toEqual([
      "unauthorized",
      "invalid-credentials",
    ]);
    expect(kindsOfResponseName("NotAProblem")).toBeUndefined();
    const users = doc.paths["/api/v1/auth/users"]?.get;
    expect(users?.responses["403"]).toEqual({ $ref: "#/components/responses/InsufficientRole" });
  });

  it("lists each kind of a shared status on the reference page, each linking to its section", () => {
    const group = referenceGroups(doc).find((g) => g.id === "jwt-auth");
    const me = group?.operations.find((op) => op.path === "/api/v1/auth/me");
    const unauthorized = me?.problems.filter((p) => p.status === "401");
    expect(unauthorized?.map((p) => p.title)).toEqual([
      "Authentication required",
      "Access token required",
      "Invalid token",
    ]);
    expect(unauthorized?.[2]?.explainedAt).toBe("/learn/jwt-auth#www-authenticate-what-went-wrong");
    expect(me?.bearer).toBe(true);
    expect(group?.operations.find((op) => op.path === "/api/v1/auth/login")?.bearer).toBe(false);
  });
});
