// The floor of bench/lighthouse.mjs: a bare Next.js App Router page, with Next's defaults.
/** @type {import("next").NextConfig} */
const nextConfig = {};

export default nextConfig;
