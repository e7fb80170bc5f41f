import * as one from "@/app/api/v1/(postgres-and-documents)/documents/[collection]/[id]/route";
import * as deleting from "@/app/api/v1/(postgres-and-documents)/documents/[collection]/delete/route";
import * as finding from "@/app/api/v1/(postgres-and-documents)/documents/[collection]/find/route";
import * as collections from "@/app/api/v1/(postgres-and-documents)/documents/[collection]/route";
import * as root from "@/app/api/v1/(postgres-and-documents)/documents/route";
import { type CallOptions, call } from "../harness";

type Module = Record<string, unknown>;

/** Routes a request to the documents API's handlers by its path, as Next's router would. */
export function documents(path: string, options: CallOptions = {}): Promise<Response> {
  const parts = new URL(path, "http://x").pathname.split("/").slice(4).map(decodeURIComponent);
  const [collection, rest] = parts;
  let module: Module = root;
  let params: Record<string, string> = {};
  if (collection !== undefined) {
    params = { collection };
    if (rest === undefined) module = collections;
    else if (rest === "find") module = finding;
    else if (rest === "delete") module = deleting;
    else {
      module = one;
      params = { collection, id: rest };
    }
  }
  const method = options.method ?? "GET";
  const handler = module[method] as Parameters<typeof call>[0];
  return call(handler, path, params, options);
}

export const find = (key: string, collection: string, body: unknown) =>
  documents(`/api/v1/documents/${collection}/find`, { key, method: "POST", body });

export const insert = (key: string, collection: string, body: unknown) =>
  documents(`/api/v1/documents/${collection}`, { key, method: "POST", body });
