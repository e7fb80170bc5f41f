import { describe, expect, it } from "vitest";
import { GET as showSandbox } from "@/app/api/sandbox/route";
import * as todos from "@/app/api/v1/todos/route";
import { call, newSandboxKey } from "./harness";

describe("harness", () => {
  it("lists the seeded todos of a new sandbox", async () => {
    const key = await newSandboxKey(showSandbox);
    const res = await call(todos.GET, "/api/v1/todos", {}, { key });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.pagination.total).toBe(3);
  });
});
