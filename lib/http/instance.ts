import { hostname } from "node:os";
import { env } from "@/lib/env";

/** The response header naming the server instance that answered (every /api response has it). */
export const SERVED_BY_HEADER = "x-served-by";

let name: string | undefined;

/**
 * This process's name among the instances behind a load balancer: INSTANCE_NAME, or the host's
 * name and the process id, which stay the same for the life of the process.
 */
export function instanceName(): string {
  name ??= env().INSTANCE_NAME ?? `${hostname()}-${process.pid}`;
  return name;
}
