import type { Operation } from "@/lib/http/contract";
import { HttpProblem } from "@/lib/http/problem";
import type { Route } from "@/lib/http/route";
import { lessonApi } from "@/lib/sandbox/api";
import { chooseVersion, VERSION_VARY, type VersionChoice } from "./choose";
import type { TodoApiVersion } from "./policy";

/**
 * A route that serves several versions at one URL: the request's headers choose the version
 * (lib/api-versioning/choose.ts) and that version's own handler answers, as it would at its
 * versioned path. The answer says which version it is and varies on the headers that chose it.
 */
export function byVersion(operation: Operation, handlers: Record<TodoApiVersion, Route>): Route {
  const refuse = lessonApi.failing((req) => {
    try {
      chooseVersion(req);
    } catch (problem) {
      if (problem instanceof HttpProblem) return withVary(problem);
      throw problem;
    }
    throw new Error("byVersion: refused a request whose version was chosen");
  });
  const route: Route = async (req, segment) => {
    let choice: VersionChoice;
    try {
      choice = chooseVersion(req);
    } catch {
      return refuse(req, segment);
    }
    const res = await handlers[choice.version](req, segment);
    res.headers.set("api-version", String(choice.version));
    res.headers.set("vary", [res.headers.get("vary"), VERSION_VARY].filter(Boolean).join(", "));
    if (res.headers.get("content-type")?.startsWith("application/json"))
      res.headers.set("content-type", `${choice.contentType}; charset=utf-8`);
    return res;
  };
  route.operation = operation;
  return route;
}

const withVary = (problem: HttpProblem) =>
  new HttpProblem(problem.kind, problem.detail, {
    errors: problem.errors,
    headers: { ...problem.headers, vary: VERSION_VARY },
  });
