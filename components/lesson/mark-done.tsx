"use client";

import { useEffect, useState } from "react";

type State = "loading" | "done" | "not-done" | "error";

/** Done / not done for this lesson, stored in the learner's sandbox. */
export function MarkDone({ slug }: { slug: string }) {
  const [state, setState] = useState<State>("loading");

  useEffect(() => {
    fetch(`/api/progress/${slug}`, { credentials: "same-origin" })
      .then((res) => (res.ok ? res.json() : Promise.reject(res)))
      .then((body: { done: boolean }) => setState(body.done ? "done" : "not-done"))
      .catch(() => setState("not-done"));
  }, [slug]);

  async function toggle() {
    const wasDone = state === "done";
    setState("loading");
    const res = await fetch(`/api/progress/${slug}`, {
      method: wasDone ? "DELETE" : "PUT",
      credentials: "same-origin",
    });
    setState(res.ok ? (wasDone ? "not-done" : "done") : "error");
  }

  const done = state === "done";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={toggle}
        disabled={state === "loading"}
        aria-pressed={done}
        data-testid="mark-done"
        className={`inline-flex items-center gap-2 rounded-lg px-4 py-2 text-sm font-medium transition disabled:opacity-60 ${
          done
            ? "border border-emerald-600 bg-emerald-50 text-emerald-800 hover:bg-emerald-100 dark:bg-emerald-950 dark:text-emerald-300 dark:hover:bg-emerald-900"
            : "bg-emerald-700 text-white hover:bg-emerald-800"
        }`}
      >
        <span aria-hidden>{done ? "✓" : "○"}</span>
        {done ? "Done — mark as not done" : "Mark lesson as done"}
      </button>
      {state === "error" && (
        <span role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          Could not save. Try again.
        </span>
      )}
    </div>
  );
}
