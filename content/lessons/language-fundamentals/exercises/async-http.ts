import type { Exercise } from "@/lib/language-fundamentals/types";

type Load = (id: number) => Promise<{ id: number }>;

/** A loader that records how many loads run at once, each finishing after `ms`. */
function recordingLoader(ms: number) {
  const seen = { running: 0, most: 0 };
  const load: Load = async (id) => {
    seen.running++;
    seen.most = Math.max(seen.most, seen.running);
    await new Promise((resolve) => setTimeout(resolve, ms * (4 - (id % 4))));
    seen.running--;
    if (id < 0) throw new Error(`No profile ${id}`);
    return { id };
  };
  return { load, seen };
}

export const asyncAwait: Exercise = {
  id: "async-await",
  title: "Load profiles at once",
  prompt:
    "loadProfiles(ids, load) calls load(id) for every id and resolves to the profiles in the order of ids. Start all the loads at once instead of one after another; if any load fails, loadProfiles rejects.",
  starter: `type Profile = { id: number };

export async function loadProfiles(
  ids: number[],
  load: (id: number) => Promise<Profile>,
): Promise<Profile[]> {
  const profiles: Profile[] = [];
  for (const id of ids) {
    profiles.push(await load(id)); // waits for each before starting the next
  }
  return profiles;
}
`,
  tests: [
    {
      name: "resolves to the profiles in the order of the ids",
      run: async (t) => {
        const { load } = recordingLoader(5);
        t.equal(await t.fn("loadProfiles")([1, 2, 3], load), [{ id: 1 }, { id: 2 }, { id: 3 }]);
      },
    },
    {
      name: "starts every load before the first one finishes",
      run: async (t) => {
        const { load, seen } = recordingLoader(5);
        await t.fn("loadProfiles")([1, 2, 3, 4], load);
        t.equal(seen.most, 4, "loads running at the same time");
      },
    },
    {
      name: "rejects when a load fails",
      run: async (t) => {
        const { load } = recordingLoader(1);
        const error = await t.rejects(t.fn("loadProfiles")([1, -1], load), "loadProfiles([1, -1])");
        t.ok(
          error instanceof Error && error.message.includes("-1"),
          `Expected the load's error, got ${String(error)}`,
        );
      },
    },
  ],
};

type Res = { status: number; headers: Record<string, string>; body: string };

export const httpHandler: Exercise = {
  id: "http-handler",
  title: "A tiny HTTP handler",
  prompt:
    'handle(req) answers GET /hello with 200 and the JSON {"message":"Hello, <name>!"} (name from ?name=, "world" without it), any other method on /hello with 405 and an Allow header, and any other path with 404. Every answer has a Content-Type.',
  starter: `type Req = { method: string; url: string; body?: string };
type Res = { status: number; headers: Record<string, string>; body: string };

export function handle(req: Req): Res {
  // new URL needs a base to read a path like "/hello?name=Ada"
  const url = new URL(req.url, "http://localhost");
  if (url.pathname === "/hello") {
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "Hello, world!" }),
    };
  }
  return { status: 404, headers: {}, body: "" };
}
`,
  tests: [
    {
      name: "greets by name from the query",
      run: (t) => {
        const res = t.fn("handle")({ method: "GET", url: "/hello?name=Ada" }) as Res;
        t.equal(res.status, 200, "status");
        t.equal(JSON.parse(res.body), { message: "Hello, Ada!" }, "body");
        t.ok(
          /json/.test(res.headers["content-type"] ?? ""),
          `Expected a JSON Content-Type, got ${JSON.stringify(res.headers)}`,
        );
      },
    },
    {
      name: "greets the world without a name",
      run: (t) => {
        const res = t.fn("handle")({ method: "GET", url: "/hello" }) as Res;
        t.equal(JSON.parse(res.body), { message: "Hello, world!" }, "body");
      },
    },
    {
      name: "answers 405 with Allow to another method",
      run: (t) => {
        const res = t.fn("handle")({ method: "DELETE", url: "/hello" }) as Res;
        t.equal(res.status, 405, "status");
        t.equal(res.headers.allow, "GET", "the allow header");
      },
    },
    {
      name: "answers 404 with a Content-Type to an unknown path",
      run: (t) => {
        const res = t.fn("handle")({ method: "GET", url: "/nope" }) as Res;
        t.equal(res.status, 404, "status");
        t.ok(res.headers["content-type"], "A 404 needs a content-type header too");
      },
    },
  ],
};
