// A throwaway Postgres server for the cluster test, which stops and starts it under load: never
// the machine's shared server. initdb/pg_ctl from the distribution's packages; run as the
// postgres user when this script runs as root (Postgres refuses to run as root).
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

function binDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => b - a) : [];
  for (const v of versions)
    if (existsSync(path.join(base, v, "bin/pg_ctl"))) return path.join(base, v, "bin");
  throw new Error("pg_ctl not found: install postgresql, or set PG_BIN to its bin folder");
}

function asPostgres(command, args) {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root
    ? ["runuser", ["-u", "postgres", "--", command, ...args]]
    : [command, args];
  const result = spawnSync(cmd, argv, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** initdb in `dir`/data, listening on 127.0.0.1:`port` (trust auth, fsync on: writes are durable). */
export function createServer({ dir, port }) {
  const bin = binDir();
  const data = path.join(dir, "data");
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    chownSync(dir, Number(id.stdout), Number(gid.stdout));
  }
  asPostgres(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
  const server = {
    dir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () =>
      asPostgres(path.join(bin, "pg_ctl"), [
        "-D",
        data,
        "-o",
        opts,
        "-l",
        path.join(dir, "log"),
        "-w",
        "start",
      ]),
    // -m fast: what a restart or failover does: sessions are ended (57P01), work in flight fails.
    stop: () => asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]),
  };
  server.start();
  return server;
}
