import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { POST as quizAttempt } from "@/app/api/v1/(quizzes)/quizzes/[quizId]/attempts/route";
import { findLesson } from "@/content/lessons";
import { handlersAndSql } from "@/content/lessons/express-and-sql/quizzes";
import { checkWork } from "@/lib/progress/contract";
import { answerKey } from "@/lib/quizzes/define";
import { expectConforms } from "../contract";
import { call, newSandboxKey } from "../harness";
import { searched } from "./client";

const SLUG = "express-and-sql";
const QUIZ = `quiz-${handlersAndSql.id}`;

async function failing(key: string) {
  const res = await call(
    checkRoute,
    `/api/progress/${SLUG}/check`,
    { slug: SLUG },
    { method: "POST", key },
  );
  expect(res.status).toBe(200);
  return (await expectConforms(checkWork, res)).checks.filter((c) => !c.passed).map((c) => c.id);
}

describe("the express-and-sql lesson's checks", () => {
  it("all fail on a fresh sandbox, and after honest searches that leak nothing", async () => {
    const key = await newSandboxKey();
    const all = findLesson(SLUG)?.checks.map((c) => c.id);
    expect(all).toHaveLength(5);
    expect(await failing(key)).toEqual(all);
    await searched(key, "postgres", "concatenated");
    await searched(key, "' or 1=1 --", "parameterised");
    // A failed injection (the quote breaks the SQL) leaks nothing either.
    await searched(key, "' or --", "concatenated");
    // A row made up by a UNION is not one of your drafts.
    const forged = await searched(
      key,
      "' union select 7, 'x', 'Forged', 'draft' --",
      "concatenated",
    );
    expect(forged.posts).toContainEqual({ id: 7, slug: "x", title: "Forged", status: "draft" });
    expect(forged.drafts).toBe(0);
    expect(await failing(key)).toEqual(all);
  });

  it("pass one by one as the learner works through the lesson", async () => {
    const key = await newSandboxKey();
    await searched(key, "x' or status = 'draft' --", "concatenated");
    expect(await failing(key)).toEqual([
      "bound-same-input",
      "rolled-back-write",
      "found-published",
      QUIZ,
    ]);
    // Bound, but not the input that leaked: not yet.
    await searched(key, "' or 1=1 --", "parameterised");
    expect(await failing(key)).toContain("bound-same-input");
    await searched(key, "x' or status = 'draft' --", "parameterised");
    expect(await failing(key)).toEqual(["rolled-back-write", "found-published", QUIZ]);
    // A DELETE that deleted nothing is not the lesson either.
    await searched(key, "'; delete from posts where id < 0; --", "concatenated");
    expect(await failing(key)).toContain("rolled-back-write");
    await searched(key, "'; update posts set status = 'draft'; --", "concatenated");
    expect(await failing(key)).toEqual(["found-published", QUIZ]);
    // The lesson's own example word does not count: find one of your own.
    await searched(key, "postgres", "parameterised");
    expect(await failing(key)).toEqual(["found-published", QUIZ]);
    await searched(key, "flaky", "parameterised");
    expect(await failing(key)).toEqual([QUIZ]);
    const attempt = await call(
      quizAttempt,
      `/api/v1/quizzes/${handlersAndSql.id}/attempts`,
      { quizId: handlersAndSql.id },
      { method: "POST", key, body: { answers: answerKey(handlersAndSql) } },
    );
    expect(attempt.status).toBe(200);
    expect(await failing(key)).toEqual([]);
  });
});
