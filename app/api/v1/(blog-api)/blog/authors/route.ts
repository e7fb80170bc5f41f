import * as api from "@/lib/blog-api/contract";
import { createAuthor, listAuthors } from "@/lib/blog-api/service";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/blog/authors — every author, with how many posts each wrote
const list = lessonApi.route(api.listAuthors, {
  run: ({ caller, ctx }) => listAuthors({ sandboxId: caller.id, timing: ctx.timing }),
  respond: (data, { req }) => jsonWithEtag(req, { data }),
});

// POST /api/v1/blog/authors — add an author (usernames are unique: 409 otherwise)
const create = lessonApi.route(api.createAuthor, {
  span: ["db", "Insert the author"],
  run: ({ caller, body }) => createAuthor({ sandboxId: caller.id, author: body }),
  respond: (author) =>
    Response.json(author, {
      status: 201,
      headers: { location: `/api/v1/blog/authors/${author.id}` },
    }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: list,
  POST: create,
});
