// The app's instances for the cluster: `next start` on the production build, each with its name,
// all on the same Postgres, Redis, secrets and signing key.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import path from "node:path";
import { startProcess, waitForHttp } from "../../bench/lib/processes.mjs";

/** What every instance shares: secrets made once per run unless the environment gives them. */
export function sharedEnv(base = process.env) {
  const jwtKey =
    base.JWT_PRIVATE_KEY ??
    generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
  return {
    ...base,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: base.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    JWT_PRIVATE_KEY: jwtKey,
    // nginx is the one proxy in front: X-Forwarded-For's last entry is the real client.
    TRUST_PROXY: "1",
  };
}

/** Starts `next start` as `name` on 127.0.0.1:`port` (only the balancer can reach it). */
export function startInstance({ root, name, port, env }) {
  const proc = startProcess(
    name,
    process.execPath,
    [
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    { cwd: root, env: { ...env, INSTANCE_NAME: name } },
  );
  return { name, port, proc, url: `http://127.0.0.1:${port}` };
}

/** Resolves once every instance's health check says it can serve. */
export async function waitHealthy(instances) {
  await Promise.all(instances.map((i) => waitForHttp(`${i.url}/api/health`, i.proc)));
}
