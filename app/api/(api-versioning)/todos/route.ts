import { GET as listV1 } from "@/app/api/v1/(todo-api)/todos/route";
import { GET as listV2 } from "@/app/api/v2/(api-versioning)/todos/route";
import { listTodosByHeader } from "@/lib/api-versioning/contract";
import { byVersion } from "@/lib/api-versioning/dispatch";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/todos — the todo list, in the version a header asks for (API-Version or Accept).
// The versions' own handlers answer; this route only chooses between them.
const list = byVersion(listTodosByHeader, { 1: listV1, 2: listV2 });

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: list });
