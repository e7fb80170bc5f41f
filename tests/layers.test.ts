import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const importsOf = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) =>
      [...readFileSync(path.join(dir, file), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => ({
        file,
        from: m[1] ?? "",
      })),
    );

describe("layers", () => {
  it("keeps lib/http generic: no sandbox, database or lesson imports", () => {
    const leaks = importsOf("lib/http").filter(({ from }) =>
      /^@\/(db|content|lib\/(sandbox|lessons|todo-api|http-and-rest|progress))/.test(from),
    );
    expect(leaks).toEqual([]);
  });
});
