import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The repository: the app imports ../config.ts, and the workspace packages (their built dist/, as published) live there.
  turbopack: { root: fileURLToPath(new URL("../../..", import.meta.url)) },
};
export default nextConfig;
