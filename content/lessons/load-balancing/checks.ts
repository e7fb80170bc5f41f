import { eq } from "drizzle-orm";
import { visitCounter } from "@/db/schema/load-balancing";
import { type Check, matches, requested } from "@/lib/lessons/checks";

const INSTANCE = "/api/v1/instance";
const VISITS = "/api/v1/instance/visits";

/** What "Check my work" looks for in your sandbox's request log after this lesson. */
export const checks: Check[] = [
  requested(
    {
      id: "asked-instance",
      title: "You asked which instance answered, and saw its name in a span",
      hint: "Send GET /api/v1/instance from the first console and look at the timeline.",
    },
    { method: "GET", path: INSTANCE, status: 200, spans: ["instance"] },
  ),
  {
    id: "counted-visits",
    title: "You counted at least two visits in shared state",
    hint: "Send POST /api/v1/instance/visits twice (or more) and watch visits grow.",
    test: ({ log }) =>
      log.filter((e) => matches(e, { method: "POST", path: VISITS, status: 200 })).length >= 2,
  },
  {
    id: "burst-instance",
    title: "You sent a burst of at least 20 requests to GET /api/v1/instance",
    hint: "Open Send a burst under the first console and send 20 or more, several at once.",
    test: ({ log }) =>
      log.filter((e) => matches(e, { method: "GET", path: INSTANCE, status: 200 })).length >= 20,
  },
  {
    id: "counter-reached-10",
    title: "Your visit counter in Postgres reached 10: every instance counts on the same row",
    hint: "Send a burst of 10 or more, several at once, from the console of POST /api/v1/instance/visits.",
    test: async ({ db, sandboxId }) => {
      const [row] = await db
        .select({ visits: visitCounter.visits })
        .from(visitCounter)
        .where(eq(visitCounter.sandboxId, sandboxId));
      return (row?.visits ?? 0) >= 10;
    },
  },
];
