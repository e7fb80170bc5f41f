/** What the script runner needs from a database session, on PGlite as on Postgres. */

export type RawResult = {
  fields: { name: string; type: number }[];
  /** Text values, at most the row limit plus one. */
  rows: (string | null)[][];
  /** Rows the statement returned in all. */
  total: number;
  /** Rows changed by INSERT/UPDATE/DELETE/MERGE (and COPY, SELECT INTO …), else null. */
  affected: number | null;
};

/** A statement's error as Postgres reports it: the message, where (1-based), its SQLSTATE. */
export class SqlFailure extends Error {
  override name = "SqlFailure";
  readonly position?: number;
  readonly code?: string;
  constructor(message: string, extra: { position?: number; code?: string } = {}) {
    super(message);
    this.position = extra.position;
    this.code = extra.code;
  }
}

export const TIMEOUT_CODE = "57014";
/** Postgres stopped a statement at a resource limit (temp_file_limit, out of memory). */
export const RESOURCE_CODES = ["53400", "53200"];

export type ConsoleSession = {
  /** One statement (extended protocol) or, with `simple`, several of our own. */
  run(
    sql: string,
    options?: { params?: unknown[]; simple?: boolean; limited?: boolean },
  ): Promise<RawResult>;
  /** Gives the session back; a broken one is thrown away. */
  release(broken: boolean): Promise<void>;
};

export type ConsoleBackend = {
  acquire(): Promise<ConsoleSession>;
  /** Which database runs the console, for the server log. */
  readonly kind: "pglite" | "postgres";
};
