import type { RequestListener, Server } from "node:http";

/** The Todo API as an Express app: a request listener that can also listen on a port. */
export function createApp(): RequestListener & {
  listen(port: number, callback?: () => void): Server;
};
