import type { UIMessage } from "ai";
import {
  type ArgMatcher,
  type EvalCase,
  type EvalFixture,
  evalSet,
} from "@/content/lessons/genai-support-agent/evals";
import { listOrders } from "@/lib/ecommerce-api/orders";
import { listProducts } from "@/lib/ecommerce-api/products";
import type { RequestContext } from "@/lib/http/route";
import { runAgent } from "./agent";
import { assertTokenBudget, spendChatBudget } from "./budget";
import type { EvalReport, EvalResult } from "./contract";
import type { ChosenModel } from "./model";
import type { Principal } from "./tools";

/** The sandbox's data the questions name: the user's newest order, the first product. */
async function fixtureOf({ sandboxId, accountId }: Principal): Promise<EvalFixture> {
  const [{ orders }, { rows }] = await Promise.all([
    listOrders({ sandboxId, accountId, page: 1, limit: 1 }),
    listProducts({ sandboxId, page: 1, limit: 1, sort: "id" }),
  ]);
  return { orderId: orders[0]?.id, productId: rows[0]?.id };
}

const matches = (want: ArgMatcher, got: unknown) =>
  typeof want === "object"
    ? typeof got === "string" && got.toLowerCase().includes(want.contains.toLowerCase())
    : want === got;

const shown = (want: ArgMatcher) =>
  typeof want === "object" ? `contains "${want.contains}"` : JSON.stringify(want);

/** A fact is in the answer: any case, and a number not as part of a longer one ("3" is not in "30"). */
function states(answer: string, fact: string): boolean {
  const escaped = fact.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const edge = (c: string | undefined) => (c && /\w/.test(c) ? "\\b" : "");
  return new RegExp(`${edge(fact[0])}${escaped}${edge(fact.at(-1))}`, "i").test(answer);
}

/**
 * One question through the agent, exactly as the chat runs it (same model, tools, system prompt
 * and budgets), graded: the expected tool called with the expected arguments, and every fact in
 * the answer. The conversation is not stored: it is a test, not a chat.
 */
async function runCase(
  c: EvalCase,
  fixture: EvalFixture,
  run: { principal: Principal; chosen: ChosenModel; ctx: RequestContext; signal: AbortSignal },
): Promise<EvalResult> {
  const missing = c.needs && fixture[c.needs.fixture] === undefined ? c.needs : undefined;
  const f = fixture as Required<EvalFixture>;
  const question = typeof c.question === "string" ? c.question : c.question(f);
  const expectedArgs = missing ? {} : (c.args?.(f) ?? {});
  const base = {
    id: c.id,
    question,
    expected: {
      tool: c.tool,
      args: Object.fromEntries(Object.entries(expectedArgs).map(([k, v]) => [k, shown(v)])),
      approval: c.approval ?? false,
    },
  };
  if (missing)
    return { ...base, passed: false, needs: missing.how, calls: [], facts: [], answer: "", ms: 0 };

  await assertTokenBudget(run.principal.sandboxId);
  await spendChatBudget(run.principal.sandboxId);
  const started = performance.now();
  const messages: UIMessage[] = [
    { id: `eval-${c.id}`, role: "user", parts: [{ type: "text", text: question }] },
  ];
  const { result } = await runAgent({ ...run, messages });
  let failure: string | undefined;
  await result.consumeStream({
    onError: () => {
      failure = "The model failed on this question.";
    },
  });
  const steps = failure ? [] : await result.steps;
  const calls = steps.flatMap((s) => s.toolCalls);
  const results = steps.flatMap((s) => s.toolResults);
  const approvals = steps.flatMap((s) =>
    s.content.filter((p) => p.type === "tool-approval-request"),
  );
  const answer = steps
    .map((s) => s.text)
    .join("\n")
    .trim();
  const call = calls.find(
    (k) =>
      k.toolName === c.tool &&
      Object.entries(expectedArgs).every(([name, want]) =>
        matches(want, (k.input as Record<string, unknown>)[name]),
      ),
  );
  const output = call
    ? (results.find((r) => r.toolCallId === call.toolCallId)?.output as Record<string, unknown>)
    : undefined;
  const waited = call
    ? approvals.some((a) => a.toolCall.toolCallId === call.toolCallId) && output === undefined
    : false;
  const facts = call
    ? c.facts(output ?? {}).map((fact) => ({ fact, found: states(answer, fact) }))
    : [];
  const passed =
    !failure &&
    call !== undefined &&
    (c.approval ? waited : output !== undefined) &&
    facts.every((x) => x.found);
  return {
    ...base,
    passed,
    ...(failure ? { error: failure } : {}),
    calls: calls.map((k) => ({ tool: k.toolName, input: k.input })),
    facts,
    answer: answer.slice(0, 2000),
    ms: Math.round(performance.now() - started),
  };
}

// #region run-evals
/** Every question of the evaluation set, one after the other, for the user of the token. */
export async function runEvals(run: {
  principal: Principal;
  chosen: ChosenModel;
  ctx: RequestContext;
  signal: AbortSignal;
}): Promise<EvalReport> {
  const fixture = await run.ctx.timing.span("db", "The user's newest order, a product", () =>
    fixtureOf(run.principal),
  );
  const results: EvalResult[] = [];
  for (const c of evalSet) results.push(await runCase(c, fixture, run));
  return {
    model: run.chosen.label,
    offline: run.chosen.offline,
    passed: results.filter((r) => r.passed).length,
    total: results.length,
    results,
  };
}
// #endregion
