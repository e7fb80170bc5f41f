import pino from "pino";
import { env } from "./env";

const { LOG_LEVEL, NODE_ENV } = env();

/** Structured JSON logs on stdout; silent under tests unless LOG_LEVEL says otherwise. */
export const logger = pino({
  level: LOG_LEVEL ?? (NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
});
