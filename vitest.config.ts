import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
// Tests run against the TypeScript sources: the `source` export condition of every workspace package.
const resolve = { conditions: ["source", "import", "module", "node", "default"] };
// Vitest also hands ssr.resolve.conditions to Node as --conditions. "import" there would make
// require() of a dual CJS/ESM package load its ESM build (Node 20 require(esm)): Express's
// router then gets `{ default: fn }` for `require("is-promise")`. Keep Node's list to the
// custom condition plus Vite's server defaults.
const ssrConditions = ["source", "module", "node", "development|production"];

const conformanceRuntimes = ["node", "express", "hono-node", "workers", "workers-hono", "deno", "bun", "next"];

export default defineConfig({
  resolve,
  ssr: { resolve: { conditions: ssrConditions, externalConditions: ["source"] } },
  test: {
    projects: [
      { extends: true, test: { name: "core", root: `${root}packages/core` } },
      { extends: true, test: { name: "providers", root: `${root}packages/providers` } },
      { extends: true, test: { name: "testing", root: `${root}packages/testing` } },
      { extends: true, test: { name: "node", root: `${root}adapters/node` } },
      { extends: true, test: { name: "hono", root: `${root}adapters/hono` } },
      { extends: true, test: { name: "next", root: `${root}adapters/next` } },
      { extends: true, test: { name: "cloudflare", root: `${root}adapters/cloudflare` } },
      // Storages against real servers: PostgreSQL and Redis (started once, see test/storage/servers.ts), SQLite files, D1 and KV in workerd.
      {
        extends: true,
        test: {
          name: "storages",
          root,
          include: ["packages/sql/test/**/*.test.ts", "packages/kv/test/**/*.test.ts", "test/storage/**/*.test.ts"],
          globalSetup: ["test/storage/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      { extends: true, test: { name: "examples", root: `${root}examples`, testTimeout: 60_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: "docs", root: `${root}docs`, testTimeout: 60_000 } },
      // The adapter conformance suite (test/conformance/suite.ts), one project per runtime it runs in.
      ...conformanceRuntimes.map((runtime) => ({
        extends: true as const,
        test: { name: `conformance:${runtime}`, root: `${root}test/conformance`, include: [`${runtime}.test.ts`], hookTimeout: 180_000 },
      })),
    ],
    // The Dance packages Next.js imports, compiled to dist/ once before the Next.js builds run in parallel.
    globalSetup: [`${root}test/global-setup.ts`],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
