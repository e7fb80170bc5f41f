/** The client's address as the nearest proxy saw it (Vercel and most load balancers set it). */
export function clientAddress(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip") || "unknown";
}

/** Whether the client reached us over HTTPS, directly or through a proxy. */
export function isHttps(req: Request): boolean {
  const proto = req.headers.get("x-forwarded-proto");
  return (proto ?? new URL(req.url).protocol.replace(":", "")) === "https";
}
