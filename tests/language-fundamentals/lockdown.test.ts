import { describe, expect, it } from "vitest";
import { BLOCKED_GLOBALS, takeAwayNetwork } from "@/lib/language-fundamentals/lockdown";

describe("takeAwayNetwork", () => {
  it("makes every network global throw, on the scope and on its prototypes, for good", () => {
    // A stand-in for a worker's global: fetch inherited, as from WorkerGlobalScope.prototype.
    const proto = { fetch: () => "network", XMLHttpRequest: class {} };
    const scope = Object.create(proto) as Record<string, unknown>;
    takeAwayNetwork(scope);
    for (const name of BLOCKED_GLOBALS) {
      const blocked = scope[name] as () => unknown;
      expect(() => blocked(), name).toThrow(`${name} is not available here`);
    }
    expect(() => new (scope.XMLHttpRequest as new () => unknown)()).toThrow(
      "XMLHttpRequest is not available here",
    );
    expect(() => (proto.fetch as () => unknown)()).toThrow("fetch is not available here");
    expect(() => {
      scope.fetch = () => "restored";
    }).toThrow(TypeError);
  });
});
