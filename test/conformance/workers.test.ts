import { expect, it } from "vitest";
import { startWorker, WORKERD } from "./workerd.js";
import { conformanceSuite } from "./suite.js";

conformanceSuite("Cloudflare Workers (workerd, withDance)", (env) => startWorker("test/conformance/apps/worker.ts", { ...env }), WORKERD);

it("runs without nodejs_compat (no process, no Buffer in the Worker), and logs each request it gets", async () => {
  const app = await startWorker("test/conformance/apps/worker.ts", { DANCE_SECRET: "x".repeat(32), FAKE_ISSUER: "http://127.0.0.1:9", FAKE_CLIENT_ID: "c", FAKE_CLIENT_SECRET: "s" });
  try {
    expect(await (await fetch(`${app.url}/runtime`)).json()).toEqual({ process: "undefined", buffer: "undefined" });
    // What the bad-Host case relies on to tell the runtime's refusals from the app's answers.
    await expect.poll(() => app.runtimeLog!()).toContain(`[app] GET ${app.url}/runtime`);
  } finally {
    await app.stop();
  }
});
