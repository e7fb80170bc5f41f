/**
 * A small SQL tokenizer for the console's highlighting: keywords, strings, numbers, comments,
 * quoted names and the rest. It never fails: text it does not know is plain. Cheap enough to run
 * on every keystroke of a lesson-sized script, and small enough for the light shell.
 */

export type TokenKind = "keyword" | "string" | "number" | "comment" | "ident" | "plain";
export type Token = { kind: TokenKind; text: string };

const KEYWORDS = new Set(
  `select from where and or not in is null as on join inner left right full outer cross using
  group by order having limit offset asc desc distinct insert into values update set delete
  returning create table index unique primary key references foreign constraint check default
  drop alter add column view with recursive union all intersect except case when then else end
  begin commit rollback savepoint release transaction isolation level read committed repeatable
  serializable start explain analyze buffers verbose costs function procedure returns language
  plpgsql sql call do declare if exists like ilike between over partition window rows range
  true false lock share for nowait skip locked coalesce count sum avg min max exists any some
  filter lateral natural only cascade restrict nulls first last if raise notice exception
  perform return integer int bigint text numeric boolean date timestamptz timestamp interval
  varchar serial generated always identity replace temporary temp concurrently`
    .split(/\s+/)
    .filter(Boolean),
);

const PATTERN =
  /(--[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:[^']|'')*'?|\$\$[\s\S]*?(?:\$\$|$))|("(?:[^"]|"")*"?)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_$]*)/g;

export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  const push = (kind: TokenKind, text: string) => {
    if (!text) return;
    const prev = out[out.length - 1];
    if (prev && prev.kind === kind) prev.text += text;
    else out.push({ kind, text });
  };
  for (const m of sql.matchAll(PATTERN)) {
    const at = m.index ?? 0;
    push("plain", sql.slice(last, at));
    const [text, comment, string, quoted, number, word] = m;
    if (comment) push("comment", text);
    else if (string) push("string", text);
    else if (quoted) push("ident", text);
    else if (number) push("number", text);
    else if (word) push(KEYWORDS.has(word.toLowerCase()) ? "keyword" : "plain", text);
    last = at + text.length;
  }
  push("plain", sql.slice(last));
  return out;
}

/** Line and column (both 1-based) of a 1-based character offset in a script. */
export function lineColumn(script: string, position: number): { line: number; column: number } {
  const before = script.slice(0, Math.max(0, position - 1));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
