// The load balancer of `npm run start:cluster` and `npm run test:cluster`: nginx from the
// distribution, run in the foreground with a configuration, pid and logs of its own in a temporary
// folder (never the system's /etc/nginx or its service).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startProcess, waitForHttp } from "../../bench/lib/processes.mjs";

/** nginx's binary, or a message that says how to install it. */
export function nginxBinary() {
  for (const candidate of [process.env.NGINX, "/usr/sbin/nginx", "nginx"].filter(Boolean)) {
    const probe = spawnSync(candidate, ["-v"], { encoding: "utf8" });
    if (probe.status === 0) return candidate;
  }
  throw new Error(
    "nginx is not installed. On Debian/Ubuntu: apt-get install nginx (the script runs it with its own configuration, not as a service). Elsewhere: install nginx and put it on PATH, or set NGINX to its binary.",
  );
}

/**
 * The configuration: one upstream of `ports`, round-robin or sticky (a consistent hash of the
 * sandbox: its cookie, else its key header, else the client address). Passive health checks
 * (max_fails, fail_timeout) and retries of idempotent requests only.
 */
export function nginxConfig({ dir, port, ports, balance }) {
  const servers = ports
    .map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`)
    .join("\n");
  const sticky = balance === "sticky" ? "    hash $sticky consistent;\n" : "";
  return `# Written by scripts/cluster/nginx.mjs; balance: ${balance}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format upstream '$remote_addr "$request" $status via $upstream_addr ($upstream_status)';
  access_log ${dir}/access.log upstream;
  client_max_body_size 2m;

  # Sticky: the same sandbox always lands on the same instance (when it is up).
  map $cookie_bmj_sandbox $sandbox_of_request { "" $http_x_sandbox_key; default $cookie_bmj_sandbox; }
  map $sandbox_of_request $sticky { "" $remote_addr; default $sandbox_of_request; }

  upstream bmj {
${sticky}${servers}
    keepalive 32;
    # Below Node's own idle timeout (5 s): else nginx may reuse a connection the instance is just
    # closing ("upstream prematurely closed connection"), and mark a healthy instance failed.
    keepalive_timeout 4s;
  }

  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://bmj;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # The app trusts one proxy (TRUST_PROXY=1): the last X-Forwarded-For entry is the client.
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_connect_timeout 1s;
      proxy_read_timeout 60s;
      # Passive health checks and retries: a refused or reset connection, a timeout, or a 503
      # sends the request to the next instance. Never for POST, PATCH or LOCK (no
      # "non_idempotent"): they may have been carried out already.
      proxy_next_upstream error timeout http_503;
      proxy_next_upstream_tries 3;
      proxy_buffering off;
      # No instance could answer (all refused, timed out, or marked failed: "no live upstreams"):
      # the balancer answers for them, as the app does while its database is down.
      error_page 502 504 = @unavailable;
    }
    location @unavailable {
      default_type application/problem+json;
      add_header Retry-After 5 always;
      add_header X-Served-By nginx always;
      return 503 '{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"No instance of the app could answer. A request that changes something may or may not have been carried out. Try again in 5 s, as Retry-After says."}';
    }
  }
}
`;
}

/** Starts nginx on `port` in front of `ports`; resolves once it answers /api/health/live. */
export async function startNginx({ dir, port, ports, balance = "round-robin" }) {
  const bin = nginxBinary();
  mkdirSync(dir, { recursive: true });
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(conf, nginxConfig({ dir, port, ports, balance }));
  const test = spawnSync(bin, ["-t", "-q", "-c", conf, "-p", dir], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx refused its configuration:\n${test.stderr}`);
  const proc = startProcess("nginx", bin, ["-c", conf, "-p", dir]);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health/live`, proc);
  return { proc, url, conf };
}
