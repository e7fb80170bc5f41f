import { describe, expect, it } from "vitest";
import {
  composeAddress,
  parseAddress,
  rowsFromAddress,
  sameAddress,
} from "@/components/console/address";
import { type Draft, methodHasBody, prepareRequest, row } from "@/components/console/request";

describe("the address field and the Params tab", () => {
  it("keep repeated keys, in order, both ways", () => {
    const parsed = parseAddress("/api/v1/todos?tag=a&tag=b&q=x");
    expect(parsed).toEqual({
      path: "/api/v1/todos",
      pairs: [
        ["tag", "a"],
        ["tag", "b"],
        ["q", "x"],
      ],
    });
    const rows = rowsFromAddress(parsed.pairs, []);
    expect(composeAddress(parsed.path, rows)).toBe("/api/v1/todos?tag=a&tag=b&q=x");
  });

  it("escape only what would change the parse, and read back the same values", () => {
    const rows = [row("q", "milk & eggs"), row("a+b", "1+1=2"), row("p", "50%")];
    const address = composeAddress("/api/v1/http/echo", rows);
    expect(address).toBe("/api/v1/http/echo?q=milk%20%26%20eggs&a%2Bb=1%2B1=2&p=50%25");
    expect(parseAddress(address).pairs).toEqual([
      ["q", "milk & eggs"],
      ["a+b", "1+1=2"],
      ["p", "50%"],
    ]);
  });

  it("leave rows without a name out of the URL, and keep them after the address is edited", () => {
    const blank = row();
    const tag = row("tag", "a");
    expect(composeAddress("/x", [tag, blank])).toBe("/x?tag=a");
    const next = rowsFromAddress(parseAddress("/x?tag=a&tag=b").pairs, [tag, blank]);
    expect(next.map((r) => [r.key, r.value])).toEqual([
      ["tag", "a"],
      ["tag", "b"],
      ["", ""],
    ]);
    expect(next[0]?.id).toBe(tag.id); // the same row, so its inputs keep focus
    expect(next[2]?.id).toBe(blank.id);
  });

  it("know when a typed address already means the draft (so it is not rewritten as typed)", () => {
    expect(sameAddress("/x?", "/x", [])).toBe(true);
    expect(sameAddress("/x?q=a b", "/x", [row("q", "a b")])).toBe(true);
    expect(sameAddress("/x?q=a", "/x", [row("q", "b")])).toBe(false);
    expect(sameAddress("/x?tag=a&tag=b", "/x", [row("tag", "a")])).toBe(false);
  });

  it("send the repeated keys the Params tab shows", () => {
    const { path, pairs } = parseAddress("/api/v1/todos?tag=a&tag=b");
    const draft: Draft = {
      method: "GET",
      path,
      query: rowsFromAddress(pairs, []),
      headers: [],
      bodyType: "json",
      body: "",
      form: [],
    };
    const prepared = prepareRequest(draft, "http://localhost:3000");
    expect(prepared.ok && prepared.request.url).toBe("/api/v1/todos?tag=a&tag=b");
  });
});

describe("which methods carry a body", () => {
  it("POST, PUT and PATCH only: no JSON body for DELETE, OPTIONS, GET or HEAD", () => {
    expect(["POST", "PUT", "PATCH"].every(methodHasBody)).toBe(true);
    expect(["GET", "HEAD", "DELETE", "OPTIONS"].some(methodHasBody)).toBe(false);
    const del: Draft = {
      method: "DELETE",
      path: "/api/v1/todos/4",
      query: [],
      headers: [],
      bodyType: "json",
      body: '{"title":"x"}',
      form: [],
    };
    const prepared = prepareRequest(del, "http://localhost:3000");
    expect(prepared.ok && prepared.request.body).toBeNull();
    expect(prepared.ok && prepared.request.headers).toEqual([]);
  });
});
