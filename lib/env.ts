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
    /**
     * The RSA private key (PKCS #8 PEM, 2048 bits or more) that signs the JWT lesson's access
     * tokens; `\n` escapes stand for newlines. Unset: a key made per process (tokens stop
     * verifying at restart and on other instances), refused on Vercel.
     */
    JWT_PRIVATE_KEY: z
      .string()
      .transform((pem) => pem.replace(/\\n/g, "\n").trim())
      .refine(
        (pem) => /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----$/.test(pem),
        "must be a PKCS #8 PEM private key (-----BEGIN PRIVATE KEY-----); `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048` makes one",
      )
      .optional(),
    /** Login attempts per account (email, in one sandbox) per 15 minutes. */
    LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(10),
    /** Login attempts per client address per 15 minutes, whichever accounts they name. */
    LOGIN_CLIENT_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(200),
    /** The sessions lesson: a session unused this many seconds ends (idle expiry). */
    SESSION_IDLE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
    /** The sessions lesson: a session ends this many seconds after login, however busy (absolute expiry). */
    SESSION_ABSOLUTE_SECONDS: z.coerce.number().int().min(10).max(2_592_000).default(28_800),
    /** Default: `vercel` on Vercel, else `none`. */
    TRUST_PROXY: trustProxy.optional(),
    /** This instance's name in X-Served-By (behind a load balancer). Default: hostname-pid. */
    INSTANCE_NAME: z
      .string()
      .regex(/^[\w.-]{1,64}$/, "must be 1-64 letters, digits, _ . or -")
      .optional(),
    /**
     * Signs and encrypts portal sessions, and seals the keys of account sandboxes. Unset: one is
     * generated and kept beside the embedded database (see lib/accounts/secret.ts).
     */
    AUTH_SECRET: z
      .string()
      .min(32, "must be at least 32 characters: generate one with `openssl rand -base64 32`")
      .optional(),
    /** A GitHub OAuth app: "Continue with GitHub" appears when both are set. */
    AUTH_GITHUB_ID: z.string().min(1).optional(),
    AUTH_GITHUB_SECRET: z.string().min(1).optional(),
    /**
     * Sign-in attempts per client address and per email address, and new accounts per client
     * address, in any 15 minutes.
     */
    AUTH_ATTEMPT_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
    /**
     * The support agent's language model: openai, anthropic or openai-compatible (Ollama,
     * llama.cpp, vLLM…). Unset: the built-in offline model (lib/genai-support-agent/offline-model.ts).
     */
    AI_PROVIDER: z.enum(["openai", "anthropic", "openai-compatible"]).optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    ANTHROPIC_API_KEY: z.string().min(1).optional(),
    /** The OpenAI-compatible server's base URL, e.g. http://127.0.0.1:11434/v1 for Ollama. */
    AI_BASE_URL: z.url().optional(),
    /** The model's name at the provider (required for openai-compatible). */
    AI_MODEL: z.string().min(1).max(200).optional(),
    /** Support chat requests one sandbox may send per hour. */
    AI_CHAT_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(60),
    /** Tokens (in + out, as the model reports them) one sandbox's support chat may use per hour. */
    AI_TOKEN_LIMIT: z.coerce.number().int().min(1).max(1_000_000_000).default(200_000),
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
    if (env.VERCEL && !env.JWT_PRIVATE_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["JWT_PRIVATE_KEY"],
        message:
          "is required on Vercel: a key made per instance would refuse every access token another instance signed. Set it to an RSA private key in PKCS #8 PEM",
      });
    }
    if (Boolean(env.AUTH_GITHUB_ID) !== Boolean(env.AUTH_GITHUB_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_GITHUB_SECRET"],
        message:
          "set both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET (your GitHub OAuth app), or neither",
      });
    }
    if (!env.AUTH_SECRET && env.NODE_ENV === "production" && (env.VERCEL || env.DATABASE_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message:
          "is required in production with a shared database: every instance must sign sessions with the same secret. Generate one with `openssl rand -base64 32`",
      });
    }
    if (env.AI_PROVIDER === "openai" && !env.OPENAI_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["OPENAI_API_KEY"],
        message: "is required when AI_PROVIDER is openai (an API key from platform.openai.com)",
      });
    }
    if (env.AI_PROVIDER === "anthropic" && !env.ANTHROPIC_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["ANTHROPIC_API_KEY"],
        message:
          "is required when AI_PROVIDER is anthropic (an API key from console.anthropic.com)",
      });
    }
    if (env.AI_PROVIDER === "openai-compatible" && (!env.AI_BASE_URL || !env.AI_MODEL)) {
      ctx.addIssue({
        code: "custom",
        path: [env.AI_BASE_URL ? "AI_MODEL" : "AI_BASE_URL"],
        message:
          "set AI_BASE_URL (e.g. http://127.0.0.1:11434/v1 for Ollama) and AI_MODEL (e.g. llama3.1) when AI_PROVIDER is openai-compatible",
      });
    }
    if (!env.AI_PROVIDER && (env.AI_BASE_URL || env.AI_MODEL)) {
      ctx.addIssue({
        code: "custom",
        path: ["AI_PROVIDER"],
        message:
          "is unset but AI_BASE_URL or AI_MODEL is: set AI_PROVIDER to openai, anthropic or openai-compatible",
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
