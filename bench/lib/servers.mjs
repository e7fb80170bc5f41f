import { randomBytes } from "node:crypto";
// The three servers under test, started from the repository root on loopback.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startProcess, waitForHttp } from "./processes.mjs";

/** The build's id; runs `npm run build` first when `distDir` holds none. */
export function ensureBuild(root, distDir) {
  const buildIdFile = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildIdFile)) {
    console.log(`No build in ${distDir}/: running npm run build`);
    const tsconfig = path.join(root, "tsconfig.json");
    const before = readFileSync(tsconfig, "utf8");
    const build = spawnSync("npm", ["run", "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    // next build adds its dist dir's type folders to tsconfig.json; leave the file as it was.
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  return readFileSync(buildIdFile, "utf8").trim();
}

/** The environment `next start` runs with in the bench: production, on `databaseUrl`. */
export function nextEnv(databaseUrl) {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    // Production with a shared database requires one; a throwaway one for the run.
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
    SANDBOX_CREATE_LIMIT: "100000",
    // The per-sandbox limit still runs on every request (it is part of the pipeline), but
    // never says no: a 429 would measure the limiter's refusals, not the route.
    SANDBOX_REQUEST_LIMIT: "10000000",
    // The same for the login attempt limits: they run, they never refuse.
    LOGIN_ACCOUNT_LIMIT: "10000000",
    LOGIN_CLIENT_LIMIT: "10000000",
  };
}

/**
 * `next start` on the existing build (NEXT_DIST_DIR is passed through to next.config), run by
 * `node` (this process's Node unless another binary is given).
 */
export async function startNext({ root, port, databaseUrl, node = process.execPath }) {
  const proc = startProcess(
    node === process.execPath ? "next start" : `next start (${node})`,
    node,
    [
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    { cwd: root, env: nextEnv(databaseUrl) },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, proc);
  return { proc, url };
}

export async function startBare({ root, port, databaseUrl }) {
  const proc = startProcess(
    "bare-server",
    process.execPath,
    [path.join(root, "bench/bare-server.mjs")],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1" },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, proc);
  return { proc, url };
}

/** json-server 0.17 on a db.json holding `todos`, written into `dir`. */
export async function startJsonServer({ root, port, dir, todos }) {
  writeFileSync(path.join(dir, "db.json"), JSON.stringify({ todos }, null, 2));
  const bin = path.join(root, "node_modules/json-server/lib/cli/bin.js");
  const args = ["db.json", "--port", String(port), "--host", "127.0.0.1", "--quiet"];
  const proc = startProcess("json-server", process.execPath, [bin, ...args], { cwd: dir });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/todos?_limit=1`, proc);
  return { proc, url };
}

export async function request(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  return { res, body: text ? JSON.parse(text) : undefined };
}

/** Keys of `count` new sandboxes, each with its seed data. */
export async function newSandboxKeys(nextUrl, count) {
  const keys = [];
  for (let i = 0; i < count; i++) {
    const { res } = await request(`${nextUrl}/api/sandbox`, { method: "POST" });
    const key = res.headers.get("x-sandbox-key");
    if (!res.ok || !key) throw new Error(`POST /api/sandbox answered ${res.status} without a key`);
    keys.push(key);
  }
  return keys;
}

/**
 * A sandbox holding exactly `count` todos, made through the API as a learner would: GET
 * /api/sandbox hands out a key, then POSTs top up the seeded todos. Returns the key and the page.
 */
export async function prepareSandbox(nextUrl, count) {
  const [key] = await newSandboxKeys(nextUrl, 1);
  const headers = { "x-sandbox-key": key, "content-type": "application/json" };
  const first = await request(`${nextUrl}/api/v1/todos?limit=${count}`, { headers });
  for (let i = first.body.pagination.total + 1; i <= count; i++) {
    const made = await request(`${nextUrl}/api/v1/todos`, {
      method: "POST",
      headers,
      body: JSON.stringify({ title: `Bench todo ${i}` }),
    });
    if (made.res.status !== 201) throw new Error(`seeding POST answered ${made.res.status}`);
  }
  const page = await request(`${nextUrl}/api/v1/todos?limit=${count}`, { headers });
  if (page.body.pagination.total !== count) {
    throw new Error(`the sandbox holds ${page.body.pagination.total} todos, not ${count}`);
  }
  return { key, todos: page.body.data };
}

/**
 * Tops the bench sandbox's blog up to `count` posts through the API (its seed has 8), each new one
 * published with two tags and a comment, so a page of `count` carries tags and comment counts.
 */
export async function prepareBlog(nextUrl, key, count) {
  const headers = { "x-sandbox-key": key, "content-type": "application/json" };
  const list = () => request(`${nextUrl}/api/v1/blog/posts?limit=50`, { headers });
  const first = await list();
  for (let i = first.body.data.length + 1; i <= count; i++) {
    const made = await request(`${nextUrl}/api/v1/blog/posts`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        authorId: (i % 3) + 1,
        title: `Bench post ${i}`,
        body: `Post ${i} of the bench blog: a paragraph of text to search and to list.`,
        tags: ["bench", `bench-${i % 4}`],
        status: "published",
      }),
    });
    if (made.res.status !== 201) throw new Error(`blog POST answered ${made.res.status}`);
    const comment = await request(`${nextUrl}/api/v1/blog/posts/${made.body.slug}/comments`, {
      method: "POST",
      headers,
      body: JSON.stringify({ authorId: 1, body: "A comment." }),
    });
    if (comment.res.status !== 201) throw new Error(`comment POST answered ${comment.res.status}`);
  }
  const page = await list();
  if (page.body.data.length !== count) {
    throw new Error(`the blog holds ${page.body.data.length} posts, not ${count}`);
  }
}

/** Every sandbox's seeded admin (lib/sandbox-users/seed.ts), whose password the JWT lesson publishes. */
export const ADMIN = { email: "admin@example.com", password: "sandbox-admin-password" };

/**
 * A user of the bench sandbox other than the admin: the login row makes many sessions for the
 * admin, and each account keeps its ten latest, so a token of the admin's would not last.
 */
export const READER = { email: "reader@example.com", password: "bench reader password" };

export async function registerReader(nextUrl, key) {
  const { res } = await request(`${nextUrl}/api/v1/auth/register`, {
    method: "POST",
    headers: { "x-sandbox-key": key, "content-type": "application/json" },
    body: JSON.stringify(READER),
  });
  if (res.status !== 201) throw new Error(`register answered ${res.status}`);
}

/** A fresh access token of the reader (they last 15 minutes: one per round). */
export async function readerAccessToken(nextUrl, key) {
  const { res, body } = await request(`${nextUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "x-sandbox-key": key, "content-type": "application/json" },
    body: JSON.stringify(READER),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  return body.accessToken;
}
