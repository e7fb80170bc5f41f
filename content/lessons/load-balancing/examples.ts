import { defineExamples } from "@/content/examples";

/**
 * Every request the load-balancing lesson shows, in its order, on a fresh sandbox. Which instance
 * answers differs from server to server, so only the presence of its name is checked; the visit
 * counter starts at 1 in every new sandbox.
 */
export const examples = defineExamples({
  whoAnswered: {
    title: "Which instance answered?",
    method: "GET",
    path: "/api/v1/instance",
    expect: { status: 200, headers: { "x-served-by": true } },
  },
  firstVisit: {
    title: "Count a visit in Postgres",
    method: "POST",
    path: "/api/v1/instance/visits",
    expect: {
      status: 200,
      headers: { "x-served-by": true },
      body: { visits: 1, previousBy: null },
    },
  },
  secondVisit: {
    title: "And another: the count goes on",
    method: "POST",
    path: "/api/v1/instance/visits",
    expect: { status: 200, body: { visits: 2 } },
  },
  health: {
    title: "Can this instance serve?",
    method: "GET",
    path: "/api/health",
    expect: {
      status: 200,
      headers: { "x-served-by": true },
      body: { status: "ok", postgres: "up" },
    },
  },
});
