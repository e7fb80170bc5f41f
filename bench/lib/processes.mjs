// Child servers: started in their own process group on loopback, stopped as a group.
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

const running = new Set();

/**
 * Ports that servers started by hand or by the e2e suite use (next dev/start, Playwright's
 * E2E_PORT range, MySQL): the bench never takes one, even where the kernel's ephemeral range
 * (usually 32768-60999) reaches down to them.
 */
const RESERVED_PORTS = new Set([
  3000,
  3100,
  3306,
  ...Array.from({ length: 15 }, (_, i) => 3411 + i),
]);

function anyPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A port nobody listens on right now, on loopback, and none of RESERVED_PORTS. */
export async function freePort() {
  for (;;) {
    const port = await anyPort();
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

/** Spawns `command` detached (its own process group), keeping the tail of its output. */
export function startProcess(name, command, args, { env, cwd } = {}) {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const proc = { name, child, pid: child.pid, output: "", exited: false, exit: undefined };
  const keep = (chunk) => {
    proc.output = (proc.output + chunk).slice(-8000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.on("error", (error) => keep(`\n${error.message}\n`));
  child.on("exit", (code, signal) => {
    proc.exited = true;
    proc.exit = code ?? signal;
    running.delete(proc);
  });
  running.add(proc);
  return proc;
}

function killGroup(proc, signal) {
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function stopProcess(proc) {
  if (!proc || proc.exited) return;
  killGroup(proc, "SIGTERM");
  for (let i = 0; i < 50 && !proc.exited; i++) await sleep(100);
  // Whatever the leader forked may outlive it; SIGKILL the group either way.
  killGroup(proc, "SIGKILL");
}

export async function stopAll() {
  await Promise.all([...running].map(stopProcess));
}

/** Polls `url` until it answers 2xx; fails early, with the server's output, if it exits. */
export async function waitForHttp(url, proc, { timeoutMs = 60_000, init } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exited) {
      throw new Error(`${proc.name} exited (${proc.exit}) before answering:\n${proc.output}`);
    }
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs} ms:\n${proc.output}`);
}

function statusField(pid, field) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${field}:`));
    return line ? Number.parseInt(line.split(/\s+/)[1], 10) : undefined;
  } catch {
    return undefined;
  }
}

function processTree(rootPid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces or parentheses; fields resume after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // Exited while we looked.
    }
  }
  const tree = [];
  const visit = (pid) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return tree;
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process and its descendants, in MB. */
export function memoryOf(proc) {
  if (process.platform !== "linux" || proc.exited) return undefined;
  const processes = processTree(proc.pid).map((pid) => {
    let command = "";
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    } catch {}
    const mb = (kb) => (kb === undefined ? undefined : Math.round(kb / 102.4) / 10);
    return {
      pid,
      command: command.slice(0, 120),
      peakRssMb: mb(statusField(pid, "VmHWM")),
      rssMb: mb(statusField(pid, "VmRSS")),
    };
  });
  const peakRssMb = Math.max(0, ...processes.map((p) => p.peakRssMb ?? 0));
  return { peakRssMb, processes };
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process and its descendants have used so far, in ms. */
export function cpuTimeMs(proc) {
  if (process.platform !== "linux" || proc.exited) return undefined;
  let ticks = 0;
  for (const pid of processTree(proc.pid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Exited while we looked.
    }
  }
  return (ticks / CLOCK_TICKS) * 1000;
}
