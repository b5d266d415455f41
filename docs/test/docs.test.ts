/**
 * The docs' examples compile: every ```ts block of docs/*.md is written to a module (the first
 * block of a page is `./dance.js`, which the others import) and type-checked with the
 * project's strict settings.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const docs = fileURLToPath(new URL("../", import.meta.url));
const out = fileURLToPath(new URL("../.checked/", import.meta.url));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The pages with TypeScript examples (the providers page is a generated table). */
const pages = readdirSync(docs).filter((name) => name.endsWith(".md") && readFileSync(`${docs}${name}`, "utf8").includes("```ts"));

describe.each(pages)("docs/%s", (page) => {
  it("has examples that type-check", () => {
    const blocks = [...readFileSync(`${docs}${page}`, "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    const dir = `${out}${page.replace(/\.md$/, "")}/`;
    mkdirSync(dir, { recursive: true });
    const files = blocks.map((code, i) => {
      const file = `${dir}${i === 0 ? "dance" : `example-${i}`}.ts`;
      writeFileSync(file, code);
      return file;
    });
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ["source"],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ["node"],
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.slice(dir.length) ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(problems).toEqual([]);
  });
});
