import { initialDraft } from "@/components/console/draft";
import { type Answer, type Difference, describeDifferences } from "@/components/console/expect";
import { fillDraft } from "@/components/console/fill";
import { type PreparedRequest, prepareRequest } from "@/components/console/request";
import type { Example } from "@/content/examples";
import { captureValues, seenResponse } from "@/content/variables";

/**
 * The one replay of lesson examples, used by e2e/lesson-examples.spec.ts (against the production
 * build) and by each lesson's Vitest file (route handlers in process). It turns an example into a
 * request exactly as a console on the lesson page does: the console's draft, its `{{variables}}`
 * filled from what earlier responses captured (`fillDraft`), prepared by `prepareRequest`; then it
 * saves the example's own captures and judges the answer with the console's `describeDifferences`.
 */

/** Sends a prepared request (its URL is a path and query) in the learner's sandbox. */
export type Send = (request: PreparedRequest) => Promise<Answer>;

/** The variables a replay has captured so far, by name: one story, one sandbox. */
export type Variables = Map<string, string>;

export type Replayed = {
  request: PreparedRequest;
  answer: Answer;
  /** Where the answer differs from the example's `expect`; empty when it answers as the lesson says. */
  differences: Difference[];
};

/** Any origin: prepared requests keep only the path and query. */
const ORIGIN = "http://replay.invalid";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits, when the clock is within `marginMs` of the end of a `windowSeconds` window, for the next
 * one to start: a burst of a few requests then stays inside one clock-aligned window.
 */
export async function awayFromWindowEdge(windowSeconds: number, marginMs = 2000) {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await sleep(left + 20);
}

/** Replays one example; throws when it needs a variable nothing captured (a broken story). */
export async function replayExample(
  name: string,
  example: Example,
  variables: Variables,
  send: Send,
): Promise<Replayed> {
  const filled = fillDraft(initialDraft(example), (variable) => variables.get(variable));
  if (filled.missing.length)
    throw new Error(`${name} uses {{${filled.missing.join("}}, {{")}}}, which nothing captured`);
  const prepared = prepareRequest(filled.draft, ORIGIN);
  if (!prepared.ok) throw new Error(`${name}: ${prepared.error}`);
  if (example.window) await awayFromWindowEdge(example.window, 3000);
  const answer = await send(prepared.request);
  for (const [variable, value] of captureValues(
    example.captures,
    seenResponse(answer.headers, answer.body),
  ))
    variables.set(variable, value);
  return {
    request: prepared.request,
    answer,
    differences: describeDifferences(example.expect, answer),
  };
}

/** A failure message naming the example, its request, what differs, and the body that came. */
export function describeReplay(name: string, replayed: Replayed): string {
  const { request, answer, differences } = replayed;
  const lines = differences.map((d) => `  ${d.where}: expected ${d.expected}, got ${d.got}`);
  return `${name}: ${request.method} ${request.url}\n${lines.join("\n")}\n${answer.body.slice(0, 2000)}`;
}

/** A fetch Response as the console reads it. */
export async function answerOf(res: Response): Promise<Answer> {
  return { status: res.status, headers: [...res.headers], body: await res.text() };
}

/** The query of a prepared request's URL as a record (what the in-process clients take). */
export function queryOf(request: PreparedRequest): Record<string, string> {
  return Object.fromEntries(new URL(request.url, ORIGIN).searchParams);
}

/** The path of a prepared request's URL. */
export function pathOf(request: PreparedRequest): string {
  return new URL(request.url, ORIGIN).pathname;
}

/**
 * Replays a lesson's examples in order and says how the first one that does not answer as the
 * lesson says differs (the ones after it build on it); null when all do.
 */
export async function replayAll(
  examples: Readonly<Record<string, Example>>,
  send: Send,
): Promise<string | null> {
  const variables: Variables = new Map();
  for (const [name, example] of Object.entries(examples)) {
    const replayed = await replayExample(name, example, variables, send);
    if (replayed.differences.length) return describeReplay(name, replayed);
  }
  return null;
}
