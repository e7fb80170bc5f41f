import type { Server } from "node:http";

/** The Todo API as a node:http server (not listening yet). */
export function createTodoServer(): Server;
