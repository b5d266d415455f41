/**
 * The demo over HTTP, without a browser: its own cookie (the per-browser timeline id) never
 * goes out on a cacheable response.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type RunningDemo } from "../src/demo.js";

let demo: RunningDemo;
beforeAll(async () => {
  demo = await startDemo({ port: 0, providerPort: 0 });
});
afterAll(() => demo?.close());

describe("the demo app", () => {
  it("sets its browser-id cookie only on private, no-store responses (pages, 404s, redirects, favicon)", async () => {
    for (const path of ["/", "/nowhere", "/profile", "/favicon.ico"]) {
      const response = await fetch(`${demo.url}${path}`, { redirect: "manual" });
      await response.arrayBuffer();
      expect(response.headers.getSetCookie().some((c) => c.startsWith("dance-demo-browser=")), path).toBe(true);
      expect(response.headers.get("cache-control"), path).toBe("private, no-store");
    }
  });
});
