/**
 * The attack corpus: every way out of the console that issue 11 lists ("What it sees", "What
 * persists", "Limits"), as data. Each runs on PGlite and on Postgres (tests/sql-console/
 * attacks.test.ts); after each, the test checks that nothing persisted, that the teaching dataset
 * is whole and that another sandbox's marker row never appeared.
 *
 * expect:
 * - "refused": the console refuses the last statement before it runs (an error without SQLSTATE).
 * - "fails": the database refuses it (an error with a SQLSTATE).
 * - "times-out": stopped at the statement limit (SQLSTATE 57014), or on Postgres at a resource
 *   limit first (53400: temp_file_limit; generate_series spills its rows to a temporary file).
 * - "contained": it may run; the checks after it prove it changed nothing outside the request.
 */
export type Attack = {
  name: string;
  sql: string;
  expect: "refused" | "fails" | "times-out" | "contained";
  /** Text the whole response must not contain. */
  mustNotContain?: string[];
  /** Where the embedded database differs: what it does instead, as safely. */
  onPglite?: Attack["expect"];
  /** Its last statement must return no rows. */
  noRows?: true;
};

export const attacks: readonly Attack[] = [
  // Identity: the session user is unprivileged on Postgres; statements that change it are refused.
  {
    name: "RESET ROLE then read the sandboxes",
    sql: "reset role; select * from public.sandbox",
    expect: "refused",
  },
  { name: "SET ROLE to a superuser", sql: "set role postgres", expect: "refused" },
  {
    name: "SET SESSION AUTHORIZATION",
    sql: "set session authorization postgres",
    expect: "refused",
  },
  { name: "RESET SESSION AUTHORIZATION", sql: "reset session authorization", expect: "refused" },
  {
    name: "SET ROLE through dynamic SQL, then read the app's tables",
    sql: "do $$ begin execute 'set role postgres'; end $$; select key_hash from public.sandbox",
    expect: "fails",
  },
  // Settings the isolation depends on.
  { name: "SET statement_timeout", sql: "set statement_timeout = 0", expect: "refused" },
  {
    name: "SET LOCAL statement_timeout",
    sql: "set local statement_timeout = 0",
    expect: "refused",
  },
  { name: "RESET ALL", sql: "reset all", expect: "refused" },
  {
    name: "set_config",
    sql: "select set_config('statement_timeout', '0', false)",
    expect: "refused",
  },
  {
    name: "set_config hidden in a subquery",
    sql: "select (select set_config('search_path', 'public', false)) as x",
    expect: "refused",
  },
  {
    name: "statement_timeout off through dynamic SQL, then sleep",
    sql: "do $$ begin execute 'set statement_timeout = 0'; end $$; select pg_sleep(30)",
    expect: "times-out",
  },
  { name: "DISCARD ALL", sql: "discard all", expect: "refused" },
  // Server files and programs.
  { name: "COPY … PROGRAM", sql: "copy (select 1) to program 'id'", expect: "refused" },
  {
    name: "COPY … PROGRAM through dynamic SQL",
    sql: "do $$ begin execute 'copy (select 1) to program ''id'''; end $$",
    expect: "fails",
    // PGlite (a superuser in its worker) has no program to start: the worker hangs, is
    // terminated at the console's limit and replaced.
    onPglite: "times-out",
  },
  {
    name: "COPY a table to a server file",
    sql: "copy todos to '/tmp/todos.csv'",
    expect: "refused",
  },
  {
    name: "pg_read_file",
    sql: "select pg_read_file('/etc/passwd')",
    expect: "refused",
    mustNotContain: ["root:"],
  },
  {
    name: "pg_read_file through dynamic SQL",
    sql: "create function workspace.r() returns text language plpgsql as $$ declare t text; begin execute 'select pg_read_file(''/etc/passwd'')' into t; return t; end $$; select workspace.r()",
    expect: "fails",
    mustNotContain: ["root:"],
  },
  { name: "lo_import", sql: "select lo_import('/etc/passwd')", expect: "refused" },
  {
    name: "lo_import through dynamic SQL",
    sql: "do $$ begin perform lo_import('/etc/passwd'); end $$",
    expect: "fails",
  },
  {
    name: "dblink",
    sql: "select * from dblink('dbname=postgres', 'select 1') as t(a int)",
    expect: "refused",
  },
  { name: "CREATE EXTENSION dblink", sql: "create extension dblink", expect: "refused" },
  { name: "ALTER SYSTEM", sql: "alter system set statement_timeout = 0", expect: "refused" },
  {
    name: "ALTER ROLE SET",
    sql: "alter role current_user set statement_timeout = 0",
    expect: "refused",
  },
  { name: "LOAD a library", sql: "load 'plpgsql'", expect: "refused" },
  { name: "CREATE ROLE", sql: "create role evil superuser login", expect: "refused" },
  { name: "CREATE DATABASE", sql: "create database evil", expect: "refused" },
  { name: "CHECKPOINT", sql: "checkpoint", expect: "refused" },
  { name: "VACUUM", sql: "vacuum music.plays", expect: "refused" },
  {
    name: "server settings that name paths",
    sql: "select name, setting from pg_settings where name in ('data_directory', 'config_file', 'hba_file')",
    expect: "contained",
    mustNotContain: [process.cwd(), "/var/lib/postgresql", "/etc/postgresql"],
  },
  // Other sessions.
  {
    name: "pg_terminate_backend",
    sql: "select pg_terminate_backend(pid) from pg_stat_activity",
    expect: "refused",
  },
  { name: "pg_cancel_backend", sql: "select pg_cancel_backend(1)", expect: "refused" },
  {
    name: "pg_terminate_backend of its own session, through dynamic SQL",
    sql: "do $$ begin perform pg_terminate_backend(pg_backend_pid()); end $$",
    expect: "contained",
  },
  {
    name: "other sessions' queries",
    sql: "select query from pg_stat_activity where pid <> pg_backend_pid() and query <> '' and query <> '<insufficient privilege>'",
    expect: "contained",
    noRows: true,
  },
  {
    name: "a session advisory lock on the app's migration lock",
    sql: "select pg_advisory_lock(7312024)",
    expect: "refused",
  },
  {
    name: "a session advisory lock through dynamic SQL",
    sql: "do $$ begin perform pg_advisory_lock(7312024); end $$",
    expect: "contained",
  },
  { name: "LISTEN", sql: "listen evil", expect: "refused" },
  // Transaction control: nothing may persist.
  {
    name: "COMMIT",
    sql: "insert into todos (id, title, done, version, created_at, updated_at) values (999, 'persist', false, 1, now(), now()); commit",
    expect: "refused",
  },
  { name: "BEGIN", sql: "begin", expect: "refused" },
  {
    name: "ROLLBACK then write",
    sql: "rollback; create table workspace.persist (a int)",
    expect: "refused",
  },
  { name: "END", sql: "end", expect: "refused" },
  { name: "SAVEPOINT", sql: "savepoint a", expect: "refused" },
  { name: "ROLLBACK TO SAVEPOINT", sql: "rollback to savepoint a", expect: "refused" },
  { name: "RELEASE SAVEPOINT", sql: "release savepoint a", expect: "refused" },
  { name: "PREPARE TRANSACTION", sql: "prepare transaction 'evil'", expect: "refused" },
  { name: "COMMIT PREPARED", sql: "commit prepared 'evil'", expect: "refused" },
  { name: "SET TRANSACTION", sql: "set transaction read write", expect: "refused" },
  { name: "COMMIT inside DO", sql: "do $$ begin commit; end $$", expect: "fails" },
  {
    name: "a procedure that commits",
    sql: "create procedure workspace.p() language plpgsql as $$ begin create table workspace.persist (a int); commit; end $$; call workspace.p()",
    expect: "fails",
  },
  {
    name: "PREPARE a statement (outlives a rollback)",
    sql: "prepare evil as select 1",
    expect: "refused",
  },
  {
    name: "a table, a function and a row, to find next time",
    sql: "create table workspace.persist (a int); insert into workspace.persist values (1); create function workspace.f() returns int language sql as 'select 1'; insert into todos (id, title, done, version, created_at, updated_at) values (999, 'persist', false, 1, now(), now())",
    expect: "contained",
  },
  // The teaching dataset is read-only and shared.
  { name: "DELETE from the dataset", sql: "delete from music.plays", expect: "refused" },
  {
    name: "DELETE from the dataset in a CTE",
    sql: "with d as (delete from music.plays returning id) select count(*) from d",
    expect: "refused",
  },
  { name: "TRUNCATE the dataset", sql: "truncate music.plays", expect: "refused" },
  { name: "DROP a dataset table", sql: "drop table music.plays", expect: "refused" },
  { name: "DROP the dataset's schema", sql: "drop schema music cascade", expect: "refused" },
  {
    name: "ALTER a dataset table",
    sql: "alter table music.plays add column x int",
    expect: "refused",
  },
  {
    name: "LOCK a dataset table",
    sql: "lock table music.plays in access exclusive mode",
    expect: "refused",
  },
  {
    name: "DELETE from the dataset through dynamic SQL",
    sql: "do $$ begin execute 'delete from music.plays'; end $$",
    expect: "contained",
  },
  // What it sees: nothing of the app's.
  { name: "the app's sandboxes", sql: "select * from public.sandbox", expect: "fails" },
  { name: "the request log", sql: "select * from public.request_log", expect: "fails" },
  { name: "lesson progress", sql: "select * from public.lesson_progress", expect: "fails" },
  { name: "portal accounts", sql: 'select * from public."user"', expect: "fails" },
  { name: "other sandboxes' todos", sql: "select * from public.todo", expect: "fails" },
  { name: "password hashes", sql: "select password_hash from users", expect: "fails" },
  { name: "refresh token hashes", sql: "select token_hash from refresh_tokens", expect: "fails" },
  // Runaway statements.
  {
    name: "a runaway count",
    sql: "select count(*) from generate_series(1, 3e8)",
    expect: "times-out",
  },
  { name: "pg_sleep(30)", sql: "select pg_sleep(30)", expect: "times-out" },
  {
    name: "a loop that traps the cancellation",
    sql: "do $$ begin loop begin perform pg_sleep(0.2); exception when query_canceled then null; end; end loop; end $$",
    expect: "times-out",
  },
];
