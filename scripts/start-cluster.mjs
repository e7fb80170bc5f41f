// npm run start:cluster — several `next start` instances of the production build behind nginx on
// one port, sharing DATABASE_URL and REDIS_URL. See the load-balancing lesson and the README.
//   CLUSTER_INSTANCES (3), CLUSTER_PORT (3210; instances on the ports after it),
//   CLUSTER_BALANCE (round-robin | sticky)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stopAll } from "../bench/lib/processes.mjs";
import { ensureBuild } from "../bench/lib/servers.mjs";
import { sharedEnv, startInstance, waitHealthy } from "./cluster/instances.mjs";
import { nginxBinary, startNginx } from "./cluster/nginx.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const count = Number(process.env.CLUSTER_INSTANCES ?? 3);
const port = Number(process.env.CLUSTER_PORT ?? 3210);
const balance = process.env.CLUSTER_BALANCE ?? "round-robin";

function refuse(message) {
  console.error(`\nnpm run start:cluster: ${message}\n`);
  process.exit(1);
}

if (!process.env.DATABASE_URL) {
  refuse(
    "set DATABASE_URL to a real Postgres (e.g. postgres://postgres@127.0.0.1:5432/bmj). The embedded PGlite lives inside one process: several instances cannot share it.",
  );
}
if (!Number.isInteger(count) || count < 1 || count > 16) refuse("CLUSTER_INSTANCES must be 1-16");
if (!Number.isInteger(port) || port < 1 || port + count > 65535)
  refuse("CLUSTER_PORT is not a port");
if (!["round-robin", "sticky"].includes(balance))
  refuse("CLUSTER_BALANCE must be round-robin or sticky");
try {
  nginxBinary();
} catch (error) {
  refuse(error.message);
}
if (!process.env.REDIS_URL && !process.env.UPSTASH_REDIS_REST_URL) {
  console.warn(
    "Warning: no REDIS_URL. Each instance keeps its own rate-limit counters, so every limit is multiplied by the number of instances.",
  );
}
for (const name of ["AUTH_SECRET", "JWT_PRIVATE_KEY"]) {
  if (!process.env[name])
    console.warn(`${name} unset: one made for this run, shared by every instance.`);
}

const dir = mkdtempSync(path.join(tmpdir(), "bmj-cluster-"));
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the balancer and the instances…");
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

try {
  ensureBuild(root, process.env.NEXT_DIST_DIR || ".next");
  const env = sharedEnv();
  const instances = [];
  // One at a time: each applies the migrations under an advisory lock anyway, and the first start
  // of a build is the slowest.
  for (let i = 1; i <= count; i++) {
    const instance = startInstance({ root, name: `web-${i}`, port: port + i, env });
    instances.push(instance);
    await waitHealthy([instance]);
    console.log(`${instance.name} ready on ${instance.url} (pid ${instance.proc.pid})`);
  }
  const lb = await startNginx({ dir, port, ports: instances.map((i) => i.port), balance });
  console.log(`nginx (${balance}) on ${lb.url}, config ${lb.conf}`);
  console.log(`Open ${lb.url}/learn/load-balancing — Ctrl-C stops everything.`);
  // Say when a process ends on its own (an instance crashed or was killed): the others go on.
  for (const p of [...instances.map((i) => i.proc), lb.proc]) {
    p.child.on("exit", (code, signal) => {
      if (!stopping) console.log(`${p.name} exited (${signal ?? code}); the others go on serving.`);
      if (p === lb.proc && !stopping) stop(1);
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
