import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import lesson from "@/content/lessons/genai-support-agent/lesson";
import { toc } from "@/content/lessons/genai-support-agent/page.mdx";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { shop } from "../ecommerce-api/client";
import { call, newSandboxKey } from "../harness";
import { type AuthPath, auth } from "../jwt-auth/client";
import { answerOf, pathOf, replayAll, type Send } from "../support/replay-examples";
import { approve, ask, chat, chunksOf, conversation, runEvals } from "./client";

/** An example's request, in process: the agent's routes, the shop's, or the JWT lesson's. */
const sendIn =
  (key: string): Send =>
  async (request) => {
    const path = pathOf(request);
    const headers = Object.fromEntries(request.headers);
    const body = request.body ?? undefined;
    const token = new Headers(headers).get("authorization")?.replace("Bearer ", "");
    if (path === "/api/v1/support/chat") return answerOf(await chat(key, body, token));
    if (path === "/api/v1/support/evals") return answerOf(await runEvals(key, token));
    if (path.startsWith("/api/v1/support/conversations/"))
      return answerOf(await conversation(key, path.split("/").at(-1) ?? "", token));
    if (path.startsWith("/api/v1/auth/")) {
      const authPath = path.replace("/api/v1/auth/", "") as AuthPath;
      return answerOf(await auth(authPath, { key, headers, body, method: request.method }));
    }
    return answerOf(await shop(request.method as "GET" | "POST", path, { key, headers, body }));
  };

describe("the support agent lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", async () => {
    const key = await newSandboxKey();
    expect(await replayAll(lesson.examples, sendIn(key))).toBeNull();
  }, 120_000);

  it("has the sections its problem types link to", () => {
    const ids = toc.map((entry) => entry.id);
    for (const anchor of Object.values(lesson.explains)) expect(ids).toContain(anchor);
  });
});

async function failing(key: string) {
  const res = await call(
    checkRoute,
    "/api/progress/genai-support-agent/check",
    { slug: "genai-support-agent" },
    { method: "POST", key },
  );
  expect(res.status).toBe(200);
  const report = await expectConforms(checkWork, res);
  return report.checks.filter((c) => !c.passed).map((c) => c.id);
}

describe("the support agent lesson's checks", () => {
  it("all fail on a fresh sandbox, and pass one by one as the learner does the work", async () => {
    const key = await newSandboxKey();
    expect(await failing(key)).toEqual(lesson.checks.map((c) => c.id));
    await auth("register", {
      key,
      body: { email: "carol@example.com", password: "carol-long-password" },
    });
    const login = await auth("login", {
      key,
      body: { email: "carol@example.com", password: "carol-long-password" },
    });
    const { accessToken } = await login.json();
    await chat(key, ask("x", "hi"));
    expect(await failing(key)).not.toContain("chat-needs-a-token");
    await chat(key, ask("x", "y".repeat(3000)), accessToken);
    expect(await failing(key)).not.toContain("bad-message-refused");
    await chunksOf(await chat(key, ask("c", "open a ticket: my parcel is late"), accessToken));
    expect(await failing(key)).toEqual(["ran-the-evals", "ticket-confirmed"]);
    const { messages } = await (await conversation(key, "c", accessToken)).json();
    await chunksOf(await chat(key, { id: "c", messages: approve(messages, true) }, accessToken));
    expect(await failing(key)).toEqual(["ran-the-evals"]);
    // A whole run counts, whatever its grades (Carol has no order: two questions fail).
    expect((await runEvals(key, accessToken)).status).toBe(200);
    expect(await failing(key)).toEqual([]);
  });
});
