import { defineExamples } from "@/content/examples";

const RW = "/api/v1/realworld/{{realworldId}}/api";
const READER = { username: "reader", email: "reader@example.com", password: "reader-password" };

/**
 * The RealWorld section's requests, after the Blog API's on the same fresh sandbox: the blog's
 * public id from GET /api/sandbox, then a RealWorld client's registration, article and list.
 */
export const realworldExamples = defineExamples({
  realworldAddress: {
    title: "Your blog's RealWorld address",
    method: "GET",
    path: "/api/sandbox",
    captures: { realworldId: "body.realworldPublicId" },
    expect: { status: 200, body: { realworldEnabled: true } },
  },
  realworldRegister: {
    title: "RealWorld: register a user",
    method: "POST",
    path: `${RW}/users`,
    body: { user: READER },
    captures: { realworldToken: "body.user.token" },
    expect: {
      status: 201,
      body: { user: { email: READER.email, username: READER.username, bio: null, image: null } },
    },
  },
  realworldArticle: {
    title: "RealWorld: publish an article with its token",
    method: "POST",
    path: `${RW}/articles`,
    headers: { Authorization: "Token {{realworldToken}}" },
    body: {
      article: {
        title: "Hello from Conduit",
        description: "My first RealWorld article",
        body: "Written through the RealWorld API, stored in my blog.",
        tagList: ["realworld", "conduit"],
      },
    },
    expect: {
      status: 201,
      body: {
        article: {
          slug: "hello-from-conduit",
          tagList: ["conduit", "realworld"],
          favorited: false,
          favoritesCount: 0,
          author: { username: "reader", following: false },
        },
      },
    },
  },
  realworldList: {
    title: "RealWorld: the reader's articles",
    method: "GET",
    path: `${RW}/articles`,
    query: { author: "reader" },
    expect: {
      status: 200,
      headers: { "access-control-allow-origin": "*" },
      body: { articlesCount: 1, articles: [{ slug: "hello-from-conduit" }] },
    },
  },
});
