import { z } from "zod";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL");

/**
 * Which proxies may tell us the client's address and scheme: `none` (clients connect to this
 * server directly), `vercel` (Vercel's edge, which sets headers clients cannot forge there), or
 * how many proxies or load balancers every request passes through before reaching this server.
 */
export type TrustProxy = "none" | "vercel" | number;

const trustProxy = z
  .string()
  .regex(
    /^(none|vercel|\d{1,2})$/,
    'must be "none", "vercel" or how many proxies every request passes through (1-10)',
  )
  .refine((value) => !/^\d+$/.test(value) || Number(value) <= 10, "at most 10 proxies")
  .transform((value): TrustProxy => {
    if (value === "none" || value === "vercel") return value;
    const hops = Number(value);
    return hops === 0 ? "none" : hops;
  });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** A real Postgres. Unset: the embedded PGlite database in PGLITE_DIR. */
    DATABASE_URL: postgresUrl.optional(),
    /** Where PGlite keeps its files; `memory://` keeps nothing (tests). */
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    /** A real Redis (local, CI) for rate limits. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
    /** Prefix of every Redis key the app writes; tests use their own and delete it after. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[\w.-]{1,64}$/, "must be 1-64 letters, digits, _ . or -")
      .default("bmj"),
    /** Upstash Redis over REST (Vercel). Both or neither. */
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    /** Sandboxes one client address may create per hour. */
    SANDBOX_CREATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
    /** pino level; tests default to silent. */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    /** Lesson API requests one sandbox may send per minute. */
    SANDBOX_REQUEST_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(600),
    /** Default: `vercel` on Vercel, else `none`. */
    TRUST_PROXY: trustProxy.optional(),
    VERCEL: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.UPSTASH_REDIS_REST_URL) !== Boolean(env.UPSTASH_REDIS_REST_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: ["UPSTASH_REDIS_REST_TOKEN"],
        message: "set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither",
      });
    }
    if (env.VERCEL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message:
          "is required on Vercel: the embedded database would lose every sandbox on each cold start. Set it to a Neon or Vercel Postgres URL",
      });
    }
    if (env.TRUST_PROXY === "vercel" && !env.VERCEL) {
      ctx.addIssue({
        code: "custom",
        path: ["TRUST_PROXY"],
        message:
          "is vercel but this is not Vercel (VERCEL is unset): anyone could send x-vercel-forwarded-for. Use none, or the number of proxies in front of the app",
      });
    }
  })
  .transform((env) => ({
    ...env,
    TRUST_PROXY: env.TRUST_PROXY ?? (env.VERCEL ? "vercel" : "none"),
  }));

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; throws an EnvError that says what to set. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "")),
  );
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(
    `Invalid environment. Fix these variables (see .env.example):\n${lines.join("\n")}`,
  );
}

let cached: Env | undefined;

/** The validated process environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
