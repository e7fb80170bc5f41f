import { describe, expect, it } from "vitest";
import { referenceGroups } from "@/components/reference/model";
import { siteOpenApiDocument } from "@/lib/openapi/site-document";

const doc = siteOpenApiDocument();

describe("the sessions lesson in the OpenAPI document", () => {
  it("declares the session cookie, and needs it (with the sandbox) where a session is needed", () => {
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({
      type: "apiKey",
      in: "cookie",
      name: "lesson_session",
    });
    expect(doc.paths["/api/v1/sessions/me"]?.get?.security).toEqual([
      { sandboxKey: [], sessionCookie: [] },
      { sandboxCookie: [], sessionCookie: [] },
    ]);
    expect(doc.paths["/api/v1/sessions/login"]?.post?.security).toBeUndefined();
  });

  it("documents 401 with its Cookie challenge, 403 for CSRF on changes only, and the X-CSRF-Token header", () => {
    const create = doc.paths["/api/v1/sessions/notes"]?.post;
    expect(create?.responses["401"]).toEqual({
      $ref: "#/components/responses/UnauthorizedOrSessionRequiredOrInvalidSession",
    });
    expect(create?.responses["403"]).toEqual({
      $ref: "#/components/responses/ForbiddenOrCsrfRejected",
    });
    expect(create?.parameters).toContainEqual(
      expect.objectContaining({ name: "x-csrf-token", in: "header" }),
    );
    const list = doc.paths["/api/v1/sessions/notes"]?.get;
    expect(list?.responses["403"]).toBeUndefined();
    const challenge =
      doc.components.responses.UnauthorizedOrSessionRequiredOrInvalidSession?.headers?.[
        "www-authenticate"
      ];
    expect(challenge && "description" in challenge ? challenge.description : "").toContain(
      "Cookie",
    );
    expect(doc.paths["/api/v1/sessions/notes/{id}"]?.patch?.responses["403"]).toEqual({
      $ref: "#/components/responses/NotOwnerOrForbiddenOrCsrfRejected",
    });
  });

  it("lists the lesson's operations on the reference page as needing a session", () => {
    const group = referenceGroups(doc).find((g) => g.id === "authn-and-authz");
    expect(group?.operations.map((op) => `${op.method} ${op.path}`)).toContain(
      "DELETE /api/v1/sessions/{id}",
    );
    const me = group?.operations.find((op) => op.path === "/api/v1/sessions/me");
    expect(me?.session).toBe(true);
    expect(me?.bearer).toBe(false);
    const csrf = me?.problems.find((p) => p.title.startsWith("Log in first"));
    expect(csrf?.explainedAt).toBe("/learn/authn-and-authz#a-session-cookie");
  });
});
