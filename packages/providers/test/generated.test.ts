/**
 * The files derived from the provider files are current: the barrel (index.ts) and the
 * providers page (docs/providers.md). `npm run providers` writes them.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("generated from the provider files", () => {
  it("index.ts and docs/providers.md are current (npm run providers)", { timeout: 60_000 }, () => {
    let output = "";
    try {
      execFileSync(`${root}node_modules/.bin/tsx`, ["--conditions=source", "scripts/providers.ts", "--check"], { cwd: root, stdio: "pipe" });
    } catch (error) {
      output = String((error as { stderr?: Buffer }).stderr ?? error);
    }
    expect(output).toBe("");
  });
});
