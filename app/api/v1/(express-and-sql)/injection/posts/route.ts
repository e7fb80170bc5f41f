import * as api from "@/lib/express-and-sql/contract";
import { searchPosts } from "@/lib/express-and-sql/service";
import { lessonApi } from "@/lib/sandbox/api";

// #region route
// GET /api/v1/injection/posts?title=…&mode=concatenated|parameterised — search your published posts
const search = lessonApi.route(api.searchPosts, {
  // 1. Your sandbox was identified and counted; `title` (1–200 characters) and `mode` are valid,
  //    or the answer is a 422 naming the field.
  // 2. One span for the query: `sql` in the SQL console (concatenated), `db` on the database
  //    (parameterised); then a `search` span with what came back, which "Check my work" reads.
  run: ({ caller, query, ctx }) =>
    searchPosts({ sandboxId: caller.id, title: query.title, mode: query.mode, timing: ctx.timing }),
  // 3. The SQL text, where it ran, and its rows.
  respond: (view) => Response.json(view),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: search });
