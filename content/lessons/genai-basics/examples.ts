import { defineExamples } from "@/content/examples";

const PROBLEM = { "content-type": "application/problem+json" } as const;

/** Every request the GenAI basics lesson shows, in order. */
export const examples = defineExamples({
  triageLate: {
    title: "Triage a worried message",
    method: "POST",
    path: "/api/v1/genai/triage",
    body: { message: "Order 2 still has not shipped and I need it today!" },
    expect: { status: 200, body: { triage: { orderId: 2 }, usage: {} } },
  },
  triageThanks: {
    title: "Triage a happy one",
    method: "POST",
    path: "/api/v1/genai/triage",
    body: { message: "Thanks, the kettle is perfect. Do you also sell filters?", temperature: 0.7 },
    expect: { status: 200, body: { triage: { orderId: null } } },
  },
  triageInvalid: {
    title: "An empty message, and a temperature out of range",
    method: "POST",
    path: "/api/v1/genai/triage",
    body: { message: " ", temperature: 3 },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        errors: [
          { in: "body", field: "message", message: "must not be empty" },
          { in: "body", field: "temperature", message: "must be at most 2" },
        ],
      },
    },
  },
});
