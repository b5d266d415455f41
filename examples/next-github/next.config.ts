import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // In this repository the @dance/* packages are workspaces linked from outside this folder.
  // (An app that installs them from npm needs no configuration at all.)
  turbopack: { root: fileURLToPath(new URL("../..", import.meta.url)) },
};
export default nextConfig;
