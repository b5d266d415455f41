/**
 * Run a Worker in workerd through Miniflare 3: bundle `entry` with esbuild (the workspace
 * packages from their TypeScript sources), serve it on 127.0.0.1, with `env` as plain-text
 * bindings. No `nodejs_compat` flag. The Worker fetches the fake provider on loopback directly.
 */
import * as esbuild from "esbuild";
import { Miniflare } from "miniflare";
import { ROOT } from "./harness.js";
import type { RunningApp, RuntimeFacts } from "./suite.js";

/** The compatibility date of the workerd that Miniflare 3.20250718 brings. */
export const COMPATIBILITY_DATE = "2025-07-18";

/** Bundle a Worker entry the way a Workers build does (esbuild, ESM, the workerd/worker/browser conditions). */
export async function bundleWorker(entry: string, options: { minify?: boolean } = {}): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["source", "workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    minify: options.minify ?? false,
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

/** Start `entry` in workerd on 127.0.0.1. `runtimeLog()` is what workerd itself printed. */
export async function startWorker(entry: string, env: Record<string, string>): Promise<RunningApp> {
  let log = "";
  const mf = new Miniflare({
    handleRuntimeStdio(stdout, stderr) {
      stdout.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
      stderr.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
    },
    modules: true,
    script: await bundleWorker(entry),
    compatibilityDate: COMPATIBILITY_DATE,
    cf: false, // never fetch https://workers.cloudflare.com/cf.json
    host: "127.0.0.1",
    port: 0,
    bindings: env,
  });
  const url = await mf.ready;
  return { url: url.origin, stop: () => mf.dispose(), runtimeLog: () => log };
}

/**
 * workerd (its URL parser) or Miniflare's entry worker answers an invalid Host header itself,
 * with a 500, before the Worker runs: the Worker logs `[app] <method> <path>` for every request it
 * gets, and none appears.
 */
export const WORKERD: RuntimeFacts = { badHost: { status: 500, log: /invalid hostname when stringifying URL|TypeError: Invalid URL string/, appLog: /\[app\] / } };

