/**
 * The Dance packages a Next.js app imports, compiled to their dist/ as they are published:
 * Turbopack ignores the `source` export condition and does not map the sources' `.js`
 * specifiers to `.ts` files. Rebuilt only when a source file is newer than the build.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const PACKAGES = ["packages/core", "packages/providers", "adapters/next"];

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function stale(pkg: string): boolean {
  const built = join(ROOT, pkg, "dist/index.js");
  return !existsSync(built) || statSync(built).mtimeMs < newest(join(ROOT, pkg, "src"));
}

function tsc(pkg: string): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, pkg, "tsconfig.build.json")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tsc -p ${pkg}/tsconfig.build.json failed:\n${output}`)))));
}

/** Compile the packages whose dist/ is missing or older than their sources; the names of those compiled. */
export async function buildDist(): Promise<string[]> {
  const outdated = PACKAGES.filter(stale);
  await Promise.all(outdated.map(tsc));
  return outdated;
}
