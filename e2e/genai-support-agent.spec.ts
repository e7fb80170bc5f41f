import { consoleTitled, expect, FIRST, sendExpecting, test } from "./fixtures";

test("a learner places an order, asks the agent where it is, watches the tool step and the streamed answer, and confirms a ticket", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("genai-support-agent");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);

  // Alice and her order, through the shop's API, from the lesson's consoles.
  await sendExpecting(consoleTitled(page, "Register Alice"), /^201/);
  await sendExpecting(consoleTitled(page, "Alice logs in"), /^200/);
  await sendExpecting(consoleTitled(page, "Alice orders two mugs"), /^201/);

  const chat = page.getByTestId("support-chat");
  await chat.scrollIntoViewIfNeeded();
  await chat.getByRole("button", { name: "Log in as alice@example.com" }).click();
  await expect(chat.getByLabel("Access token (or paste one)")).toHaveValue(/^ey/, FIRST);

  await chat.getByLabel("Your question").fill("Where is my order?");
  await chat.getByRole("button", { name: "Ask" }).click();
  const step = chat.getByTestId("tool-step").first();
  await expect(step).toContainText("Tool listMyOrders", FIRST);
  await expect(step).toContainText("done", FIRST);
  // How long the tool ran on the server, sent with the answer.
  await expect(step.getByTestId("tool-duration")).toHaveText(/^\s*in \d+(\.\d)? (ms|s)$/, FIRST);
  await step.locator("summary").click();
  await expect(step).toContainText('"limit": 5');
  await expect(step).toContainText('"total": "$48.00"');
  const answer = chat.getByTestId("chat-assistant").first();
  await expect(answer).toContainText("Your latest order is #1", FIRST);
  // The answer's Markdown, formatted: the order in bold, its items as a list.
  await expect(answer.locator("strong", { hasText: "#1" })).toBeVisible();
  await expect(answer.getByRole("listitem")).toHaveText(["2 × Limited-edition enamel mug"]);
  await expect(chat.getByTestId("chat-model")).toContainText("offline-rules");

  // Retry asks the last question again: a new answer in place of the old one, not a second one.
  await chat.getByRole("button", { name: "Retry" }).click();
  await expect(chat.getByTestId("chat-assistant")).toHaveCount(1);
  await expect(answer).toContainText("Your latest order is #1", FIRST);
  await expect(chat.getByTestId("chat-user")).toHaveCount(1);
  // The answer has streamed to its end before the next question (Retry shows only then).
  await expect(answer).toContainText("has not shipped yet", FIRST);
  await expect(chat.getByRole("button", { name: "Retry" })).toBeVisible(FIRST);

  // A ticket is a write: it waits for Confirm.
  await chat
    .getByLabel("Your question")
    .fill("Please open a ticket about order 1, the mug arrived chipped");
  await chat.getByRole("button", { name: "Ask" }).click();
  const confirm = chat.getByRole("button", { name: "Confirm" });
  await expect(confirm).toBeVisible(FIRST);
  await expect(chat.getByTestId("tool-step").last()).toContainText("waits for your confirmation");
  await confirm.click();
  await expect(chat.getByTestId("tool-step").last()).toContainText("done", FIRST);
  await expect(chat.getByTestId("chat-assistant").last()).toContainText("ticket #1 is open", FIRST);

  // The evaluation set, through the same agent: every question passes on the offline model.
  const evals = chat.getByTestId("evals");
  await evals.getByRole("button", { name: "Run the evaluation set" }).click();
  await expect(evals.getByTestId("evals-summary")).toHaveText(
    "8 of 8 passed (offline-rules)",
    // Eight answers, streamed word by word by the offline model, one after the other.
    { timeout: 60_000 },
  );
  await expect(evals.getByTestId("eval-result")).toHaveCount(8);
  const status = evals.getByTestId("eval-result").nth(1);
  await expect(status).toContainText("Pass");
  await expect(status).toContainText("What is the status of order 1?");
  await expect(status).toContainText('getOrderStatus {"orderId":1}');
  await expect(status).toContainText("✓ placed");
});
