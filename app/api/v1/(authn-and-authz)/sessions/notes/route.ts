import * as api from "@/lib/authn-and-authz/contract";
import { createNote, listNotes, noteView } from "@/lib/authn-and-authz/notes";
import { authenticateSession } from "@/lib/authn-and-authz/session-auth";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/sessions/notes — your notes (only yours: the query names you as the owner)
const list = lessonApi.route(api.listNotes, {
  run: async ({ req, ctx, caller }) => {
    const user = await authenticateSession({ req, ctx, sandboxId: caller.id });
    return ctx.timing.span("db", "List your notes", () =>
      listNotes({ sandboxId: caller.id, ownerId: user.id }),
    );
  },
  respond: (rows) => Response.json({ data: rows.map(noteView) }),
});

// POST /api/v1/sessions/notes — write a note; its owner is whoever the session says, never the body
const create = lessonApi.route(api.createNote, {
  run: async ({ req, ctx, caller, body }) => {
    const user = await authenticateSession({ req, ctx, sandboxId: caller.id });
    return ctx.timing.span("db", "Insert the note", () =>
      createNote({ sandboxId: caller.id, ownerId: user.id, ...body }),
    );
  },
  respond: (row) =>
    Response.json(noteView(row), {
      status: 201,
      headers: { location: `/api/v1/sessions/notes/${row.id}` },
    }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: list,
  POST: create,
});
