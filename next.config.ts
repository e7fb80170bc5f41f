import createMDX from "@next/mdx";
import type { NextConfig } from "next";
import {
  API_CONTENT_SECURITY_POLICY,
  COMMON_SECURITY_HEADERS,
  pageContentSecurityPolicy,
  WORKER_CONTENT_SECURITY_POLICY,
} from "./lib/http/security-headers";
import { generateLessonRegistry } from "./lib/lessons/generate-registry.mjs";
import { mdxOptions } from "./lib/mdx/options";

// The lesson registry is derived from the lesson folders each time the server or a build starts.
generateLessonRegistry();

const asList = (headers: Record<string, string>) =>
  Object.entries(headers).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // Lets a second dev server or a test build run beside the usual one without sharing `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  pageExtensions: ["ts", "tsx", "mdx"],
  // PGlite and libpg-query (the SQL console's parser) load their WASM files from their own
  // package folders at run time.
  serverExternalPackages: ["@electric-sql/pglite", "libpg-query"],
  poweredByHeader: false,
  experimental: {
    // While proxy.ts runs, Next buffers the request body in memory for it (10 MB by default).
    // Lesson bodies are far smaller (lib/http/validate.ts); the route still answers 413 past its
    // own limit, so buffer no more than this per request.
    proxyClientMaxBodySize: "1mb",
  },
  // Evaluated by `next build` for `next start` (production) and by `next dev` (development).
  async headers() {
    const dev = process.env.NODE_ENV === "development";
    return [
      {
        source: "/:path*",
        headers: asList({
          ...COMMON_SECURITY_HEADERS,
          "content-security-policy": pageContentSecurityPolicy(dev),
        }),
      },
      // Later rules win for the same header: API answers get the locked-down policy.
      {
        source: "/api/:path*",
        headers: asList({ "content-security-policy": API_CONTENT_SECURITY_POLICY }),
      },
      // Built scripts: only a worker applies the policy its script comes with (see there).
      {
        source: "/_next/static/chunks/:path*",
        headers: asList({ "content-security-policy": WORKER_CONTENT_SECURITY_POLICY }),
      },
    ];
  },
};

export default createMDX({ options: mdxOptions })(nextConfig);
