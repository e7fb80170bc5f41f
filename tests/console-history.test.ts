import { describe, expect, it } from "vitest";
import {
  type HistoryEntry,
  MASKED_KEY,
  parseHistory,
  withoutSecrets,
} from "@/components/console/history";

const KEY = "sbx_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

const entry = (patch: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: "1",
  method: "GET",
  url: "/api/v1/todos",
  headers: {},
  body: null,
  status: 200,
  time: 1,
  at: 1,
  ...patch,
});

describe("history never stores a sandbox key", () => {
  it("masks X-Sandbox-Key in any case and keeps the other headers", () => {
    for (const name of ["X-Sandbox-Key", "x-sandbox-key", "X-SANDBOX-KEY", " x-Sandbox-key "]) {
      const stored = withoutSecrets(entry({ headers: { [name]: KEY, Accept: "text/plain" } }));
      expect(stored.headers).toEqual({ [name]: MASKED_KEY, Accept: "text/plain" });
      expect(JSON.stringify(stored)).not.toContain(KEY);
    }
  });

  it("shortens anything shaped like a key in other headers, the URL and the body", () => {
    const stored = withoutSecrets(
      entry({
        method: "POST",
        url: `/api/v1/todos?key=${KEY}`,
        headers: { Authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ note: KEY }),
      }),
    );
    expect(JSON.stringify(stored)).not.toContain(KEY);
    expect(stored.url).toBe("/api/v1/todos?key=sbx_…");
    expect(stored.headers.Authorization).toBe("Bearer sbx_…");
  });

  it("cleans history stored before keys were masked as it reads it", () => {
    const raw = JSON.stringify([entry({ headers: { "X-Sandbox-Key": KEY } })]);
    const [read] = parseHistory(raw);
    expect(read?.headers).toEqual({ "X-Sandbox-Key": MASKED_KEY });
  });

  it("keeps a cancelled request's flag and drops a malformed one", () => {
    const raw = JSON.stringify([
      entry({ status: null, cancelled: true }),
      { ...entry({ id: "2" }), cancelled: "yes" },
    ]);
    const [cancelled, other] = parseHistory(raw);
    expect(cancelled?.cancelled).toBe(true);
    expect(other && "cancelled" in other).toBe(false);
  });
});
