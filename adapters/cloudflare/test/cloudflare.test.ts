/**
 * `withDance` called as a Worker runtime calls it: `fetch(request, env, ctx)`. The whole dance
 * inside workerd is the conformance suite's (test/conformance/workers.test.ts); here, what the
 * entry itself decides: configuration per env object, composition with the app, errors.
 */
import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { createDance, DanceError, type DanceContext } from "@dance/core";
import { oauth2 } from "@dance/providers/oauth2";
import { withDance } from "@dance/cloudflare";

interface Env {
  DANCE_SECRET: string;
  ACME_CLIENT_ID: string;
}
const env: Env = Object.freeze({ DANCE_SECRET: "cloudflare-adapter-secret-0123456789abcdef", ACME_CLIENT_ID: "acme-from-env" });
const ctx = { waitUntil() {}, passThroughOnException() {} };
const acme = (clientId: string) =>
  oauth2({ id: "acme", authorizationUrl: "https://provider.test/authorize", tokenUrl: "https://provider.test/token", apiBaseUrl: "https://api.provider.test/", clientId, clientSecret: "s" });

function makeDance() {
  const build = vi.fn((e: Env) => ({ secret: e.DANCE_SECRET, providers: [acme(e.ACME_CLIENT_ID)] }));
  return { build, dance: createDance(build) };
}

describe("withDance", () => {
  it("serves the dance routes with the configuration of the request's env, built once per env object", async () => {
    const { build, dance } = makeDance();
    const worker = withDance(dance);
    for (let i = 0; i < 3; i++) {
      const login = await worker.fetch(new Request("https://app.example/login/acme"), env, ctx);
      expect(login.status).toBe(302);
      expect(new URL(login.headers.get("location")!).searchParams.get("client_id")).toBe("acme-from-env");
      expect(login.headers.getSetCookie()).toEqual([expect.stringMatching(/^__Host-dance-tx-acme=d1\..*; Secure; SameSite=Lax$/)]);
    }
    expect(build).toHaveBeenCalledTimes(1);
    const other = { ...env, ACME_CLIENT_ID: "acme-other" };
    const login = await worker.fetch(new Request("https://app.example/login/acme"), other, ctx);
    expect(new URL(login.headers.get("location")!).searchParams.get("client_id")).toBe("acme-other");
    expect(build).toHaveBeenCalledTimes(2);
    expect((await worker.fetch(new Request("https://app.example/elsewhere"), env, ctx)).status).toBe(404);
  });

  it("hands the app its DanceContext (typed) and applies its cookie changes to the app's response", async () => {
    const { dance } = makeDance();
    const worker = withDance(dance, async (request, e, c, context) => {
      expectTypeOf(context).toEqualTypeOf<DanceContext<"acme">>();
      expect([e, c]).toEqual([env, ctx]);
      await (await context.session("acme")).setToken({ access_token: "at-1", token_type: "bearer" });
      return Response.redirect(new URL("/done", request.url).href, 303); // immutable headers
    });
    const response = await worker.fetch(new Request("https://app.example/set"), env, ctx);
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/^__Host-dance-acme=d1\./)]);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("composes with an object that has a fetch (a Hono app), called with its own `this`", async () => {
    const { dance } = makeDance();
    const app = {
      greeting: "hello",
      fetch(this: { greeting: string }, request: Request) {
        return new Response(`${this.greeting} ${new URL(request.url).pathname}`);
      },
    };
    expect(await (await withDance(dance, app).fetch(new Request("https://app.example/x"), env, ctx)).text()).toBe("hello /x");
  });

  it("answers a DanceError the app throws with its own status; other errors are the runtime's", async () => {
    const { dance } = makeDance();
    const worker = withDance(dance, async (request, _e, _c, context) => {
      if (new URL(request.url).pathname === "/api") return context.session("acme").then((s) => s.fetch("/me"));
      if (new URL(request.url).pathname === "/down") throw new DanceError("provider_unavailable", "down", { provider: "acme" });
      throw new Error("bug");
    });
    const api = await worker.fetch(new Request("https://app.example/api"), env, ctx);
    expect(api.status).toBe(302);
    expect(api.headers.get("location")).toBe("/login/acme?next=%2Fapi");
    const down = await worker.fetch(new Request("https://app.example/down", { headers: { accept: "application/json" } }), env, ctx);
    expect(down.status).toBe(502);
    expect(down.headers.get("x-dance-error")).toBe("provider_unavailable");
    await expect(worker.fetch(new Request("https://app.example/bug"), env, ctx)).rejects.toThrow("bug");
  });

  it("an env the configuration cannot be built from is a logged error page, not an exception; the env is not mutated", async () => {
    const { dance } = makeDance();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const broken = Object.freeze({ DANCE_SECRET: "short", ACME_CLIENT_ID: "x" });
      const response = await withDance(dance, () => new Response("app")).fetch(new Request("https://app.example/"), broken, ctx);
      expect(response.status).toBe(500);
      expect(response.headers.get("x-dance-error")).toBe("invalid_config");
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^\[dance\] .*32/));
    } finally {
      errors.mockRestore();
    }
  });
});
