import { describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/v1/(express-and-sql)/injection/posts/route";
import { POST as sql } from "@/app/api/v1/(sql-console)/sql/route";
import lesson from "@/content/lessons/express-and-sql/lesson";
import { call, newSandboxKey } from "../harness";
import { answerOf, pathOf, replayAll, type Send } from "../support/replay-examples";
import { SEARCH_PATH } from "./client";

describe("the express-and-sql lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", async () => {
    const key = await newSandboxKey();
    const send: Send = async (request) => {
      // The search takes its input in the query string: keep it.
      const url = new URL(request.url, "http://replay.invalid");
      const path = `${url.pathname}${url.search}`;
      const route = pathOf(request) === SEARCH_PATH ? searchRoute : sql;
      return answerOf(
        await call(
          route,
          path,
          {},
          {
            key,
            method: request.method,
            headers: Object.fromEntries(request.headers),
            body: request.body ?? undefined,
          },
        ),
      );
    };
    expect(await replayAll(lesson.examples, send)).toBeNull();
  });
});
