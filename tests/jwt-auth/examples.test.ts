import { describe, expect, it } from "vitest";
import lesson from "@/content/lessons/jwt-auth/lesson";
import { toc } from "@/content/lessons/jwt-auth/page.mdx";
import { newSandboxKey } from "../harness";
import { answerOf, pathOf, replayAll, type Send } from "../support/replay-examples";
import { type AuthPath, auth } from "./client";

describe("the JWT lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", async () => {
    const key = await newSandboxKey();
    const send: Send = async (request) =>
      answerOf(
        await auth(pathOf(request).replace("/api/v1/auth/", "") as AuthPath, {
          key,
          method: request.method,
          headers: Object.fromEntries(request.headers),
          body: request.body ?? undefined,
        }),
      );
    expect(await replayAll(lesson.examples, send)).toBeNull();
  });

  it("thread Alice's tokens from her login through the variables they capture", () => {
    const { login, me, refresh, refreshReused, refreshAfterReuse } = lesson.examples;
    expect(login.captures).toEqual({
      accessToken: "body.accessToken",
      refreshToken: "body.refreshToken",
    });
    expect(me.headers).toEqual({ Authorization: "Bearer {{accessToken}}" });
    // The rotated pair gets names of its own: the reuse sends the old refresh token on purpose.
    expect(Object.keys(refresh.captures)).toEqual(["newAccessToken", "newRefreshToken"]);
    expect(refreshReused.body).toEqual({ refreshToken: "{{refreshToken}}" });
    expect(refreshAfterReuse.body).toEqual({ refreshToken: "{{newRefreshToken}}" });
  });
});

describe("the JWT lesson's page", () => {
  const ids = toc.map((entry) => entry.id);

  it("has the sections its problem types link to", () => {
    expect(Object.keys(lesson.explains).sort()).toEqual([
      "insufficient-role",
      "invalid-credentials",
      "invalid-token",
      "token-required",
    ]);
    for (const anchor of Object.values(lesson.explains)) expect(ids).toContain(anchor);
  });

  it("has the section its own links point to", () => {
    expect(ids).toEqual(
      expect.arrayContaining(["another-sandboxs-token", "roles-401-and-403", "what-a-jwt-is"]),
    );
  });
});
