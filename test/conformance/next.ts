/**
 * The conformance app on Next.js (next-app/): built once per run with `next build` (Turbopack),
 * served by `next start -H 127.0.0.1 -p 0`. The workspace packages are compiled to their dist/
 * first (tsc), as they are published: Turbopack ignores the `source` export condition and
 * cannot resolve the sources' `.js` specifiers to `.ts` files.
 */
import { buildDist } from "../../examples/next-github/scripts/dist.js";
import { ROOT, runToEnd, spawnApp } from "./harness.js";
import type { ConformanceEnv } from "./config.js";
import type { RunningApp } from "./suite.js";

export const NEXT_APP = `${ROOT}test/conformance/next-app`;
const NEXT = `${ROOT}node_modules/next/dist/bin/next`;

let built: Promise<unknown> | undefined;

/** The packages the app imports (when their dist/ is stale; test/global-setup.ts did it already), then `next build`; once per test run. */
export function buildNextApp(): Promise<unknown> {
  built ??= (async () => {
    await buildDist();
    await runToEnd(process.execPath, [NEXT, "build", NEXT_APP], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  })();
  return built;
}

/** `next start` on 127.0.0.1 with the app's environment. */
export async function startNext(env: ConformanceEnv): Promise<RunningApp> {
  await buildNextApp();
  return spawnApp(process.execPath, [NEXT, "start", "-H", "127.0.0.1", "-p", "0", NEXT_APP], {
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/,
  });
}
