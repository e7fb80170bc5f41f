import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import * as instance from "@/app/api/v1/(load-balancing)/instance/route";
import * as visits from "@/app/api/v1/(load-balancing)/instance/visits/route";
import { findLesson } from "@/content/lessons";
import lesson from "@/content/lessons/load-balancing/lesson";
import { toc } from "@/content/lessons/load-balancing/page.mdx";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { call, newSandboxKey } from "../harness";
import { answerOf, pathOf, replayAll, type Send } from "../support/replay-examples";
import { countVisit, whoAnswered } from "./client";

const routes = {
  "/api/v1/instance": instance,
  "/api/v1/instance/visits": visits,
  "/api/health": { GET: health },
} as Record<string, Record<string, (...args: never[]) => Promise<Response>>>;

describe("the load-balancing lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", async () => {
    const key = await newSandboxKey();
    const send: Send = async (request) => {
      const handler = routes[pathOf(request)]?.[request.method];
      if (!handler) throw new Error(`no route for ${request.method} ${pathOf(request)}`);
      const headers = Object.fromEntries(request.headers);
      return answerOf(
        await call(handler as never, pathOf(request), {}, { method: request.method, key, headers }),
      );
    };
    expect(await replayAll(lesson.examples, send)).toBeNull();
  });

  it("has the section its problem type links to", () => {
    expect(toc.map((entry) => entry.id)).toContain(lesson.explains["database-unavailable"]);
  });
});

async function failing(key: string) {
  const res = await call(
    checkRoute,
    "/api/progress/load-balancing/check",
    { slug: "load-balancing" },
    { method: "POST", key },
  );
  expect(res.status).toBe(200);
  return (await expectConforms(checkWork, res)).checks.filter((c) => !c.passed).map((c) => c.id);
}

describe("the load-balancing lesson's checks", () => {
  it("all fail on a fresh sandbox, and pass after the exercises", async () => {
    const key = await newSandboxKey();
    expect(await failing(key)).toEqual(findLesson("load-balancing")?.checks.map((c) => c.id));
    await whoAnswered(key);
    await countVisit(key);
    expect(await failing(key)).toEqual(["counted-visits", "burst-instance", "counter-reached-10"]);
    await countVisit(key);
    for (let i = 0; i < 19; i++) await whoAnswered(key);
    expect(await failing(key)).toEqual(["counter-reached-10"]);
    await Promise.all(Array.from({ length: 8 }, () => countVisit(key)));
    expect(await failing(key)).toEqual([]);
  });
});
