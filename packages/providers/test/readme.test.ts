/**
 * The example of packages/providers/README.md, run as written (the block that uses
 * `fakeProvider`): it must log in through the preset's fake and end on "/".
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it, vi } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).find((code) => code.includes("fakeProvider("));
const file = fileURLToPath(new URL(`./.readme-example-${process.pid}.ts`, import.meta.url));
afterAll(() => rmSync(file, { force: true }));

it("the README's fakeProvider example logs in through the preset's fake", async () => {
  expect(block, "a ```ts block using fakeProvider").toBeDefined();
  writeFileSync(file, block!);
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await import(/* @vite-ignore */ file);
    expect(log).toHaveBeenCalledWith(302, "/");
  } finally {
    log.mockRestore();
  }
});
