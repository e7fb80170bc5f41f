import { loadModule, parseSync } from "libpg-query";

/**
 * Splits a script into statements with Postgres' own parser (libpg-query, compiled to WASM), and
 * decides for each whether the console runs it. The parser's verdict is the first line of
 * defence; the second is where the statement runs (see executor.ts).
 */

export type Explain = {
  /** What the executor runs: the learner's EXPLAIN with FORMAT JSON added when they chose none. */
  sql: string;
  /** How `sql` maps back: its first `shift.from` characters stand for the original's `shift.to`. */
  shift: { from: number; to: number };
  /** The format the learner asked for (text unless they said). */
  format: "text" | "json" | "yaml" | "xml";
};

export type Statement = {
  text: string;
  /** 0-based character offset of the statement in the script. */
  offset: number;
  command: string;
  /** Why the console refuses it, in words for the learner. */
  refusal?: string;
  explain?: Explain;
};

export type SplitScript =
  | { ok: true; statements: Statement[] }
  | {
      ok: false;
      /** The statements before the one with the syntax error: they run. */
      statements: Statement[];
      error: { text: string; offset: number; message: string; position: number };
    };

let loaded: Promise<void> | undefined;

/** Loads the parser's WASM module once. */
export function parserReady(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

type Node = Record<string, unknown>;
type ParseResult = { stmts?: { stmt: Node; stmt_location?: number; stmt_len?: number }[] };

/** Byte offsets (the parser counts UTF-8 bytes) to character offsets. */
function byteToChar(script: string): (byte: number) => number {
  const bytes = Buffer.from(script, "utf8");
  if (bytes.length === script.length) return (b) => b;
  return (b) => bytes.subarray(0, b).toString("utf8").length;
}

const WHITESPACE = /\s/;

function trimmed(script: string, start: number, end: number): { text: string; offset: number } {
  let s = start;
  let e = end;
  while (s < e && WHITESPACE.test(script[s] ?? "")) s++;
  while (e > s && (WHITESPACE.test(script[e - 1] ?? "") || script[e - 1] === ";")) e--;
  return { text: script.slice(s, e), offset: s };
}

const nodeType = (stmt: Node) => Object.keys(stmt)[0] ?? "Unknown";
const body = (stmt: Node) => (stmt[nodeType(stmt)] ?? {}) as Node;

/** SQL commands the console runs, by parse-tree node, with the command tag each reports. */
const ALLOWED: Record<string, string> = {
  SelectStmt: "SELECT",
  InsertStmt: "INSERT",
  UpdateStmt: "UPDATE",
  DeleteStmt: "DELETE",
  MergeStmt: "MERGE",
  CreateStmt: "CREATE TABLE",
  CreateTableAsStmt: "CREATE TABLE AS",
  IndexStmt: "CREATE INDEX",
  CreateFunctionStmt: "CREATE FUNCTION",
  ViewStmt: "CREATE VIEW",
  ExplainStmt: "EXPLAIN",
  DropStmt: "DROP",
  AlterTableStmt: "ALTER TABLE",
  RenameStmt: "ALTER",
  CallStmt: "CALL",
  DoStmt: "DO",
  TruncateStmt: "TRUNCATE",
  VariableSetStmt: "SET",
  VariableShowStmt: "SHOW",
  CreateSeqStmt: "CREATE SEQUENCE",
  AlterSeqStmt: "ALTER SEQUENCE",
  CreateEnumStmt: "CREATE TYPE",
  CompositeTypeStmt: "CREATE TYPE",
  CreateDomainStmt: "CREATE DOMAIN",
  CreateTrigStmt: "CREATE TRIGGER",
  CommentStmt: "COMMENT",
  DeclareCursorStmt: "DECLARE CURSOR",
  FetchStmt: "FETCH",
  ClosePortalStmt: "CLOSE CURSOR",
  VacuumStmt: "ANALYZE",
  AlterFunctionStmt: "ALTER FUNCTION",
  DefineStmt: "CREATE",
  CreateStatsStmt: "CREATE STATISTICS",
  RefreshMatViewStmt: "REFRESH MATERIALIZED VIEW",
  LockStmt: "LOCK TABLE",
  ConstraintsSetStmt: "SET CONSTRAINTS",
};

/** Settings a learner may change: the planner's and how values are shown. Nothing else. */
const SETTABLE =
  /^(enable_\w+|random_page_cost|seq_page_cost|cpu_\w+_cost|effective_cache_size|work_mem|jit|timezone|datestyle|intervalstyle|extra_float_digits|search_path|plan_cache_mode|default_statistics_target|constraint_exclusion)$/;

/** Functions that reach past the learner's own data (files, other sessions, locks, settings). */
const REFUSED_FUNCTIONS =
  /^(set_config|pg_read_file|pg_read_binary_file|pg_ls_\w+|pg_stat_file|lo_import|lo_export|lo_from_bytea|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|pg_promote|pg_switch_wal|pg_create_restore_point|pg_advisory_\w+|pg_try_advisory_\w+|dblink\w*|pg_file_\w+|pg_logdir_ls|pg_stat_reset\w*|pg_sleep_for|pg_sleep_until|pg_notify|current_setting_set|pg_backend_pid_set)$/;

const TRANSACTION_CONTROL =
  "Transaction control is not available here: your whole script already runs in one transaction, which the console rolls back at the end so nothing persists.";

const DATASET_SCHEMA = "music";

/** Statement kinds that write or lock the relations they name. */
const WRITERS: Record<string, (n: Node) => unknown[]> = {
  InsertStmt: (n) => [n.relation],
  UpdateStmt: (n) => [n.relation],
  DeleteStmt: (n) => [n.relation],
  MergeStmt: (n) => [n.relation],
  TruncateStmt: (n) => (n.relations as unknown[]) ?? [],
  LockStmt: (n) => (n.relations as unknown[]) ?? [],
  AlterTableStmt: (n) => [n.relation],
  RenameStmt: (n) => [n.relation],
  CreateTrigStmt: (n) => [n.relation],
  RuleStmt: (n) => [n.relation],
  CreatePolicyStmt: (n) => [n.table],
  VacuumStmt: (n) =>
    ((n.rels as Node[]) ?? []).map((r) => (r.VacuumRelation as Node | undefined)?.relation),
};

const inDataset = (rangeVar: unknown) => {
  const node = rangeVar as Node | undefined;
  return ((node?.RangeVar as Node | undefined) ?? node)?.schemaname === DATASET_SCHEMA;
};

const names = (list: unknown) =>
  (((list as Node | undefined)?.List as Node | undefined)?.items as Node[] | undefined)?.map(
    (item) => (item.String as Node | undefined)?.sval,
  ) ?? [];

/** Every node of the tree, depth first, with its type. */
function* walk(value: unknown): Generator<[string, Node]> {
  if (Array.isArray(value)) {
    for (const item of value) yield* walk(item);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (/^[A-Z]/.test(key) && typeof child === "object" && child !== null && !Array.isArray(child))
      yield [key, child as Node];
    yield* walk(child);
  }
}

function refusalOf(stmt: Node): string | undefined {
  const type = nodeType(stmt);
  const node = body(stmt);
  if (type === "TransactionStmt") return TRANSACTION_CONTROL;
  if (!(type in ALLOWED)) {
    const what = type.replace(/Stmt$/, "").replace(/([a-z])([A-Z])/g, "$1 $2");
    return `${what} statements are not available in the SQL console.`;
  }
  if (type === "VacuumStmt" && node.is_vacuumcmd)
    return "VACUUM is not available in the SQL console (ANALYZE is).";
  if (type === "VariableSetStmt") {
    const name = String(node.name ?? "").toLowerCase();
    if (node.kind === "VAR_RESET_ALL") return "RESET ALL is not available in the SQL console.";
    if (name === "transaction" || name === "session characteristics")
      return "SET TRANSACTION is not available here: the console opens your script's transaction itself (READ COMMITTED), and rolls it back at the end.";
    if (!SETTABLE.test(name))
      return `SET ${name} is not available in the SQL console: its limits and identity are fixed. You may change planner settings (enable_seqscan, random_page_cost, work_mem, …) and how values are shown (timezone, datestyle).`;
  }
  for (const [kind, n] of walk(stmt)) {
    if (kind === "FuncCall") {
      const fn = String(names({ List: { items: n.funcname } }).at(-1) ?? "").toLowerCase();
      if (REFUSED_FUNCTIONS.test(fn))
        return `${fn}() is not available in the SQL console: it reaches past your own data.`;
    }
    const targets = WRITERS[kind];
    if (targets?.(n).some(inDataset))
      return `The ${DATASET_SCHEMA} tables are read-only (CREATE INDEX on them is allowed, inside your script's transaction).`;
    if (kind === "DropStmt" || kind === "AlterObjectSchemaStmt" || kind === "AlterOwnerStmt") {
      const objects = (n.objects as unknown[]) ?? [n.object, n.relation];
      const named = (o: unknown) =>
        names(o)[0] === DATASET_SCHEMA ||
        ((o as Node | undefined)?.String as Node | undefined)?.sval === DATASET_SCHEMA ||
        inDataset(o);
      if (objects.some(named)) return `The ${DATASET_SCHEMA} tables are read-only.`;
    }
  }
  return undefined;
}

function commandOf(stmt: Node): string {
  const type = nodeType(stmt);
  const node = body(stmt);
  if (type === "TransactionStmt")
    return String(node.kind ?? "")
      .replace(/^TRANS_STMT_/, "")
      .replace("ROLLBACK_TO", "ROLLBACK TO SAVEPOINT")
      .replace(/^PREPARE$/, "PREPARE TRANSACTION")
      .replace(/_/g, " ");
  if (type === "DropStmt") return `DROP ${String(node.removeType ?? "").replace(/^OBJECT_/, "")}`;
  if (type === "CreateFunctionStmt" && node.is_procedure) return "CREATE PROCEDURE";
  if (type === "VariableSetStmt" && String(node.kind).startsWith("VAR_RESET")) return "RESET";
  if (type === "SelectStmt" && node.intoClause) return "SELECT INTO";
  return ALLOWED[type] ?? type.replace(/Stmt$/, "").toUpperCase();
}

const EXPLAIN_WORDS = /^\s*explain\b/i;

/** The EXPLAIN rewritten to produce JSON, with how to map positions back. */
function explainOf(text: string, node: Node): Explain | undefined {
  const options = (node.options as Node[] | undefined) ?? [];
  const formatOption = options
    .map((o) => o.DefElem as Node)
    .find((d) => String(d.defname).toLowerCase() === "format");
  const format = formatOption
    ? (String(
        ((formatOption.arg as Node | undefined)?.String as Node | undefined)?.sval ?? "text",
      ).toLowerCase() as Explain["format"])
    : "text";
  if (format !== "text") return { sql: text, shift: { from: 0, to: 0 }, format };
  const head = EXPLAIN_WORDS.exec(text);
  if (!head) return undefined;
  let at = head[0].length;
  let inside: string[];
  const rest = text.slice(at);
  const paren = /^\s*\(([^)]*)\)/.exec(rest);
  if (paren) {
    at += paren[0].length;
    inside = [paren[1] ?? ""];
  } else {
    inside = [];
    for (;;) {
      const word = /^\s*(analy[sz]e|verbose)\b/i.exec(text.slice(at));
      if (!word) break;
      inside.push(word[1] ?? "");
      at += word[0].length;
    }
  }
  const prefix = `EXPLAIN (${[...inside.filter((s) => s.trim()), "FORMAT JSON"].join(", ")})`;
  return { sql: prefix + text.slice(at), shift: { from: prefix.length, to: at }, format };
}

/** The statements of a script, each with its place in it and the console's verdict. */
export async function splitScript(script: string): Promise<SplitScript> {
  await parserReady();
  const toChar = byteToChar(script);
  let parsed: ParseResult;
  try {
    parsed = parseSync(script) as ParseResult;
  } catch (error) {
    return syntaxError(script, error);
  }
  const stmts = parsed.stmts ?? [];
  const statements = stmts.map((s, i): Statement => {
    const startByte = s.stmt_location ?? 0;
    const start = toChar(startByte);
    const end = s.stmt_len && i < stmts.length ? toChar(startByte + s.stmt_len) : script.length;
    const { text, offset } = trimmed(script, start, end);
    const refusal = refusalOf(s.stmt);
    const explain =
      !refusal && nodeType(s.stmt) === "ExplainStmt" ? explainOf(text, body(s.stmt)) : undefined;
    return { text, offset, command: commandOf(s.stmt), refusal, explain };
  });
  return { ok: true, statements: statements.filter((s) => s.text.length > 0) };
}

/**
 * A syntax error fails the whole parse. The statements before the broken one still run, as in
 * psql: find the longest prefix, cut at a semicolon, that parses, and report the rest.
 */
async function syntaxError(script: string, error: unknown): Promise<SplitScript> {
  const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
  const message = error instanceof Error ? error.message : "syntax error";
  // The parser reports a 0-based character offset (not bytes, unlike statement locations).
  const at = Math.min(script.length, details?.cursorPosition ?? 0);
  let cut = script.lastIndexOf(";", Math.max(0, at - 1));
  while (cut > 0) {
    const head = script.slice(0, cut + 1);
    try {
      parseSync(head);
      const before = await splitScript(head);
      if (before.ok) {
        const rest = trimmed(script, cut + 1, script.length);
        const next = script.indexOf(";", at);
        const broken = trimmed(script, cut + 1, next === -1 ? script.length : next + 1);
        return {
          ok: false,
          statements: before.statements,
          error: {
            ...broken,
            offset: broken.text ? broken.offset : rest.offset,
            message,
            position: at + 1,
          },
        };
      }
    } catch {
      // A semicolon inside a string or a body: try the one before.
    }
    cut = script.lastIndexOf(";", cut - 1);
  }
  const next = script.indexOf(";", at);
  const broken = trimmed(script, 0, next === -1 ? script.length : next + 1);
  return { ok: false, statements: [], error: { ...broken, message, position: at + 1 } };
}
