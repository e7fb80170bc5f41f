import createMDX from "@next/mdx";
import type { NextConfig } from "next";
import { generateLessonRegistry } from "./lib/lessons/generate-registry.mjs";
import { mdxOptions } from "./lib/mdx/options";

// The lesson registry is derived from the lesson folders each time the server or a build starts.
generateLessonRegistry();

const nextConfig: NextConfig = {
  // Lets a second dev server or a test build run beside the usual one without sharing `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  pageExtensions: ["ts", "tsx", "mdx"],
  // PGlite loads its WASM and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
};

export default createMDX({ options: mdxOptions })(nextConfig);
