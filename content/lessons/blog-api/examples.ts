import { defineExamples } from "@/content/examples";

/**
 * Every request the Blog API lesson shows, in order, on a fresh sandbox: its seeded blog
 * (lib/blog-api/seed.ts) is listed, searched and paged, a post is written and published.
 */
export const examples = defineExamples({});
