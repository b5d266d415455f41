import { spawnApp, ROOT } from "./harness.js";
import { conformanceSuite } from "./suite.js";

// The binary of the `deno` npm package; workspace packages resolve from node_modules (their TypeScript
// sources through the `source` condition; sloppy imports map the sources' `.js` specifiers to `.ts`).
conformanceSuite("Deno (Deno.serve + Hono)", (env) =>
  spawnApp(`${ROOT}node_modules/.bin/deno`, ["run", "--quiet", "--conditions=source", "--unstable-sloppy-imports", "--allow-net=127.0.0.1", "--allow-env", "--allow-read", "test/conformance/apps/deno.ts"], {
    env: { ...env, DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1", DENO_DIR: `${ROOT}node_modules/.cache/deno` },
    ready: /LISTENING (http:\/\/127\.0\.0\.1:\d+)/,
  }),
);
