import { type ProblemKind, problemKinds } from "@/lib/http/problem";
import { problemDoc } from "@/lib/lessons/problem-types";
import { kindsOfResponseName, PROBLEM_WHEN } from "@/lib/openapi/problems";
import {
  DOCUMENT_METHODS,
  isReference,
  type OpenApiDocument,
  type OperationObject,
  type ResponseObject,
  type Tag,
} from "@/lib/openapi/types";
import type { ProblemEntry } from "./responses";

/** The document as the reference page shows it: operations under their tag, errors apart. */

export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  operation: OperationObject;
  responses: { status: string; response: ResponseObject }[];
  problems: ProblemEntry[];
  /** Answers anonymous callers too. */
  keyOptional: boolean;
  /** Needs a user's access token besides the sandbox key. */
  bearer: boolean;
  /** Needs a user's session cookie besides the sandbox key. */
  session: boolean;
  /** Reached by a public id, not the key (RealWorld): whether it needs a user's token. */
  publicId?: { token: boolean };
};

export type ReferenceGroup = { id: string; tag: Tag; operations: ReferenceOperation[] };

const LESSON_PATH = "/learn/";

export const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** One entry per kind of problem a response stands for (kinds of one status share one). */
function problemEntries(status: string, ref: string): ProblemEntry[] {
  const kinds = kindsOfResponseName(ref.split("/").pop() ?? "");
  if (!kinds) throw new Error(`reference: ${ref} is not a problem response`);
  return kinds.map((kind: ProblemKind) => {
    const doc = problemDoc(kind);
    return {
      status,
      title: problemKinds[kind].title,
      when: PROBLEM_WHEN[kind],
      ...(doc === "about:blank" ? {} : { explainedAt: doc }),
    };
  });
}

function referenceOperation(method: string, path: string, op: OperationObject): ReferenceOperation {
  const responses: ReferenceOperation["responses"] = [];
  const problems: ProblemEntry[] = [];
  for (const [status, response] of Object.entries(op.responses)) {
    if (isReference(response)) problems.push(...problemEntries(status, response.$ref));
    else responses.push({ status, response });
  }
  return {
    id: op.operationId,
    method: method.toUpperCase(),
    path,
    operation: op,
    responses,
    problems,
    keyOptional: op.security?.some((s) => Object.keys(s).length === 0) ?? false,
    bearer: op.security?.some((s) => "bearerToken" in s) ?? false,
    session: op.security?.some((s) => "sessionCookie" in s) ?? false,
    ...(op.security?.some((s) => "realworldToken" in s)
      ? { publicId: { token: !op.security.some((s) => Object.keys(s).length === 0) } }
      : {}),
  };
}

/** Each operation under its first tag, tags in the document's order. */
export function referenceGroups(doc: OpenApiDocument): ReferenceGroup[] {
  const groups = doc.tags.map((tag) => ({
    // A lesson's operations are at its slug (lib/openapi/operation-id.ts `referenceHref`).
    id: tag.externalDocs?.url.startsWith(LESSON_PATH)
      ? tag.externalDocs.url.slice(LESSON_PATH.length)
      : slugOf(tag.name),
    tag,
    operations: [] as ReferenceOperation[],
  }));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of DOCUMENT_METHODS) {
      const op = item[method];
      const group = op && groups.find((g) => g.tag.name === op.tags[0]);
      if (op && group) group.operations.push(referenceOperation(method, path, op));
    }
  }
  return groups.filter((group) => group.operations.length > 0);
}
