import { POST } from "@/app/api/v1/(sql-console)/sql/route";
import type { SqlResults, StatementResult } from "@/lib/sql-console/contract";
import { call } from "../harness";

/** POST /api/v1/sql as this sandbox. */
export function sendSql(key: string, sql: unknown): Promise<Response> {
  return call(POST, "/api/v1/sql", {}, { method: "POST", key, body: { sql } });
}

/** Runs a script that must answer 200, and returns its results. */
export async function runSql(key: string, sql: string): Promise<StatementResult[]> {
  const res = await sendSql(key, sql);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${res.status}: ${text}`);
  return (JSON.parse(text) as SqlResults).results;
}
