/**
 * Debian's Chromium for browser tests: where it is, and the flags it runs with (headless, no
 * sandbox inside containers, nothing fetched in the background). Launch it with
 * `playwright-core`'s `chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })`;
 * Playwright never downloads a browser then.
 *
 * @example
 * ```ts
 * import { chromium } from "playwright-core";
 * import { CHROMIUM_ARGS, findChromium } from "@dance/testing";
 *
 * const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
 * ```
 * @module
 */
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The flags Dance's browser tests launch Chromium with. */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze(["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]);

/**
 * The Chromium binary: `CHROMIUM_PATH`, else `chromium` (or `chromium-browser`) on the PATH.
 * Throws, saying how to install it, when there is none: a browser test fails rather than skips.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
  }
  // `which chromium`, without depending on `which`.
  for (const name of ["chromium", "chromium-browser"]) {
    for (const dir of (process.env.PATH ?? "").split(delimiter)) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  throw new Error(
    "This browser test needs Debian's Chromium, and `chromium` is not on the PATH. " +
      "Install it with `apt-get install chromium` (.ci/run does), or point CHROMIUM_PATH at a Chromium binary.",
  );
}
