import { spawnApp, ROOT } from "./harness.js";
import { conformanceSuite } from "./suite.js";

// The binary of the `bun` npm package; it runs the TypeScript sources of the workspace packages (`source` condition).
conformanceSuite("Bun (Bun.serve + Hono)", (env) =>
  spawnApp(`${ROOT}node_modules/.bin/bun`, ["--conditions=source", "test/conformance/apps/bun.ts"], {
    env: { ...env, BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0", DO_NOT_TRACK: "1" },
    ready: /LISTENING (http:\/\/127\.0\.0\.1:\d+)/,
  }),
);
