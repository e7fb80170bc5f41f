import {
  blogAuthor,
  blogComment,
  blogFavorite,
  blogFollow,
  blogPost,
  blogPostTag,
  blogTag,
  realworldSite,
} from "@/db/schema/blog-api";
import { blogApi } from "@/lib/blog-api/contract";
import { seedBlog } from "@/lib/blog-api/seed";
import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "blog-api",
  title: "Build a Blog API",
  summary:
    "A blog in your sandbox: authors, posts, tags and comments on Postgres. Page it with signed cursors, search it with Postgres full-text search ranked by relevance, list posts with their tags and comment counts in one query, and publish in one transaction through a Postgres function.",
  objectives: [
    "Design the resources of a blog: authors, posts by slug, comments under their post, tags",
    "Page with a cursor instead of an offset, and sign the cursor so nobody can forge one",
    "Search with tsvector, websearch_to_tsquery and ts_rank, served by a GIN index",
    "List posts with their tags and comment counts in one query with joins, not N+1",
    "Write a post and its tags in one transaction, all or nothing",
    "Call a Postgres function from the API that touches only the caller's rows",
  ],
  minutes: 60,
  api: blogApi,
  data: {
    tables: [
      blogAuthor,
      blogPost,
      blogTag,
      blogPostTag,
      blogComment,
      blogFollow,
      blogFavorite,
      realworldSite,
    ],
    seed: seedBlog,
  },
  examples,
  checks,
});
