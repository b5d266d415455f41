/**
 * The conformance app on Next.js (next-app/): built once per run with `next build` (Turbopack),
 * served by `next start -H 127.0.0.1 -p 0`. The workspace packages are compiled to their dist/
 * first (tsc), as they are published: Turbopack ignores the `source` export condition and
 * cannot resolve the sources' `.js` specifiers to `.ts` files.
 */
import { ROOT, runToEnd, spawnApp } from "./harness.js";
import type { ConformanceEnv } from "./config.js";
import type { RunningApp } from "./suite.js";

export const NEXT_APP = `${ROOT}test/conformance/next-app`;
const NEXT = `${ROOT}node_modules/next/dist/bin/next`;
const PACKAGES = ["packages/core", "packages/providers", "adapters/next"];

let built: Promise<unknown> | undefined;

/** `tsc` for the packages the app imports, then `next build`; once per test run. */
export function buildNextApp(): Promise<unknown> {
  built ??= (async () => {
    await Promise.all(PACKAGES.map((dir) => runToEnd(`${ROOT}node_modules/.bin/tsc`, ["-p", `${dir}/tsconfig.build.json`])));
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
