import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cacheAside, represent } from "@/lib/caching-with-redis/cache";
import { cacheStore } from "@/lib/caching-with-redis/store";
import { Timing } from "@/lib/http/timing";

// Two servers share one cache store (memory here, the real Redis in the Postgres + Redis pass);
// each has its own reads in flight, as two processes would.
type Flights = NonNullable<Parameters<typeof cacheAside>[0]["flights"]>;
const servers = (): [Flights, Flights] => [new Map(), new Map()];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PEER_WAIT = "Waited for another server's database read";

describe("single-flight across servers", () => {
  it("makes 50 concurrent misses on two servers one database read", async () => {
    const store = await cacheStore();
    const sandboxId = randomUUID();
    const [a, b] = servers();
    let loads = 0;
    const read = (flights: Flights) => {
      const timing = new Timing();
      return cacheAside({
        timing,
        sandboxId,
        field: "books",
        dbStep: "Select the books",
        store,
        flights,
        load: async () => {
          loads += 1;
          await pause(60);
          return represent({ books: ["Dune"] });
        },
      }).then((cached) => ({ cached, spans: timing.spans }));
    };
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => read(i % 2 ? b : a)));
    expect(loads).toBe(1);
    expect(new Set(answers.map((x) => x.cached.entry.body))).toEqual(
      new Set(['{"books":["Dune"]}']),
    );
    expect(answers.every((x) => x.cached.verdict === "MISS")).toBe(true);
    // One read ran the database step; every other answer says it waited for it.
    expect(answers.filter((x) => x.spans.some((s) => s.name === "db"))).toHaveLength(1);
    expect(answers.filter((x) => x.cached.collapsed)).toHaveLength(49);
    expect(answers.filter((x) => x.spans.some((s) => s.desc === PEER_WAIT))).toHaveLength(1);
  });

  it("frees the key when the loading server's read fails: the waiting server reads itself", async () => {
    const store = await cacheStore();
    const sandboxId = randomUUID();
    const [a, b] = servers();
    const base = { sandboxId, field: "product:7", dbStep: "Select the product", store };
    const failing = cacheAside({
      ...base,
      timing: new Timing(),
      flights: a,
      load: async () => {
        await pause(60);
        throw new Error("connection reset");
      },
    });
    await pause(10);
    const timing = new Timing();
    const waiting = cacheAside({
      ...base,
      timing,
      flights: b,
      load: async () => represent({ id: 7 }),
    });
    await expect(failing).rejects.toThrow("connection reset");
    const cached = await waiting;
    expect(cached.entry.body).toBe('{"id":7}');
    expect(timing.spans.map((s) => s.name)).toEqual(["cache", "wait", "db"]);
  });

  it("reads the database once when a miss looked just before the other server stored its answer", async () => {
    const store = await cacheStore();
    const sandboxId = randomUUID();
    const [a, b] = servers();
    let loads = 0;
    const base = {
      sandboxId,
      field: "books",
      dbStep: "Select the books",
      load: async () => {
        loads += 1;
        return represent({ books: ["Dune"] });
      },
    };
    const first = await cacheAside({ ...base, timing: new Timing(), store, flights: a });
    expect(first.verdict).toBe("MISS");
    // Server B's first look was answered before A's answer was stored (the race two servers
    // have under load): it misses, then finds A's lock already given back.
    let looks = 0;
    const lateLook: typeof store = {
      ...store,
      client: {
        ...store.client,
        hget: (key, field) =>
          looks++ === 0 ? Promise.resolve(null) : store.client.hget(key, field),
      },
    };
    const timing = new Timing();
    const late = await cacheAside({ ...base, timing, store: lateLook, flights: b });
    expect(loads).toBe(1);
    expect(late.entry.body).toBe('{"books":["Dune"]}');
    expect(late.collapsed).toBe(true);
    expect(timing.spans.some((s) => s.name === "db")).toBe(false);
  });
});
