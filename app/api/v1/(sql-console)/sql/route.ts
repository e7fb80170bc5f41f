import { recordStatements } from "@/lib/lessons/sql-statements";
import { lessonApi } from "@/lib/sandbox/api";
import * as api from "@/lib/sql-console/contract";
import { runScript } from "@/lib/sql-console/service";

// #region route
// POST /api/v1/sql — run a script over your sandbox's rows and the music dataset, then roll back
const run = lessonApi.route(api.runSql, {
  // 1. Your sandbox was identified and counted against its rate limit; the body is a bounded script.
  // 2. Your rows are copied into a throwaway transaction on the console's own, unprivileged session.
  span: ["sql", "Run your statements, then roll back"],
  run: ({ caller, body }) => runScript({ sandboxId: caller.id, sql: body.sql }),
  // 3. One result per statement that ran; a failing statement is the last.
  //    Each statement is a `statement` span (command, features, outcome): what lesson checks read.
  respond: (results, { ctx }) => {
    recordStatements(ctx.timing, results.results);
    return Response.json(results);
  },
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ POST: run });
