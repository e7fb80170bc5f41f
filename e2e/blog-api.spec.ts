import { NEW_SLUG } from "@/content/lessons/blog-api/examples";
import { consoleTitled, expect, sendExpecting, test } from "./fixtures";

test("a learner pages the blog by cursor, is refused an edited cursor, publishes a post from the lesson's consoles, finds it by full-text search, and passes every check", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("blog-api");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);

  const first = consoleTitled(page, "The newest three posts");
  await sendExpecting(first, /^200/);
  await expect(first.responseBody()).toContainText('"nextCursor": "');
  // One query for the whole page: one db span in the timeline.
  await expect(first.spans().filter({ hasText: /^db/ })).toHaveCount(1);

  // The console carries nextCursor from the answer above into {{nextCursor}}.
  const next = consoleTitled(page, "The page after, by its cursor");
  await sendExpecting(next, /^200/);
  await expect(next.responseBody()).toContainText("cursor-pagination-explained");

  const tampered = consoleTitled(page, "A cursor edited by hand");
  await sendExpecting(tampered, /^400/);
  await expect(tampered.root.getByTestId("problem")).toContainText(
    "This cursor was not issued for this request",
  );

  const write = consoleTitled(page, "Write a post with tags (one of them new)");
  await sendExpecting(write, /^201/);
  await expect(write.responseBody()).toContainText('"status": "draft"');

  await sendExpecting(consoleTitled(page, "Publish it"), /^200/);

  const search = consoleTitled(page, "Search the published posts");
  await sendExpecting(search, /^200/);
  await expect(search.responseBody()).toContainText(`"slug": "${NEW_SLUG}"`);
  await expect(search.responseBody()).toContainText('"rank": ');

  await sendExpecting(consoleTitled(page, "Read the post"), /^200/);

  const panel = page.getByTestId("check-work");
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole("button", { name: "Check my work" }).click();
  await expect(panel.getByTestId("check-summary")).toHaveText(
    /^All \d+ checks passed\. This lesson is done\.$/,
  );
});
