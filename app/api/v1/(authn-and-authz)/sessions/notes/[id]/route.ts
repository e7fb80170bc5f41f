import * as api from "@/lib/authn-and-authz/contract";
import {
  authorizeNote,
  deleteNote,
  findNote,
  noteView,
  updateNote,
} from "@/lib/authn-and-authz/notes";
import { authenticateSession } from "@/lib/authn-and-authz/session-auth";
import { lessonApi } from "@/lib/sandbox/api";

// #region note
// GET /api/v1/sessions/notes/{id} — one note: yours, or anyone's if you are an
// admin
const get = lessonApi.route(api.getNote, {
  run: async ({ req, ctx, caller, params }) => {
    // 3. Authentication: who is asking (401 without a live session).
    const user = await authenticateSession({ req, ctx, sandboxId: caller.id });
    // 4. Load the note from your sandbox, whoever's it is...
    const note = await ctx.timing.span("db", "Find the note", () =>
      findNote({ sandboxId: caller.id, id: params.id }),
    );
    // 5. ...then authorization: may this user read it? Another customer's note is
    // 404.
    return authorizeNote(user, note, "read", params.id);
  },
  respond: (note) => Response.json(noteView(note)),
});
// #endregion

// PATCH /api/v1/sessions/notes/{id} — change your note
const update = lessonApi.route(api.updateNote, {
  run: async ({ req, ctx, caller, params, body }) => {
    const user = await authenticateSession({ req, ctx, sandboxId: caller.id });
    const note = await ctx.timing.span("db", "Find the note", () =>
      findNote({ sandboxId: caller.id, id: params.id }),
    );
    authorizeNote(user, note, "change", params.id);
    const changed = await ctx.timing.span("db", "Update the note", () =>
      updateNote({ sandboxId: caller.id, id: params.id, changes: body }),
    );
    // Deleted between the two queries: as if it had never been.
    return authorizeNote(user, changed, "change", params.id);
  },
  respond: (note) => Response.json(noteView(note)),
});

// DELETE /api/v1/sessions/notes/{id} — delete your note
const remove = lessonApi.route(api.deleteNote, {
  run: async ({ req, ctx, caller, params }) => {
    const user = await authenticateSession({ req, ctx, sandboxId: caller.id });
    const note = await ctx.timing.span("db", "Find the note", () =>
      findNote({ sandboxId: caller.id, id: params.id }),
    );
    authorizeNote(user, note, "change", params.id);
    await ctx.timing.span("db", "Delete the note", () =>
      deleteNote({ sandboxId: caller.id, id: params.id }),
    );
  },
  respond: () => new Response(null, { status: 204 }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: get,
  PATCH: update,
  DELETE: remove,
});
