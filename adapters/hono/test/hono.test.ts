/**
 * The Hono adapter through `app.request` (the whole dance over HTTP, in every runtime, is the
 * conformance suite's: test/conformance). Here: what only the middleware decides — typed ids,
 * Hono's error handling, immutable responses, `c.env`, a missing middleware.
 */
import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { Hono } from "hono";
import { createDance, DanceError, type DanceContext } from "@dance/core";
import { oauth2 } from "@dance/providers/oauth2";
import { danceMiddleware, requireLogin, type DanceHonoEnv } from "@dance/hono";

const secret = "hono-adapter-test-secret-0123456789abcdef";
const acme = (clientId = "acme-client") =>
  oauth2({ id: "acme", authorizationUrl: "https://provider.test/authorize", tokenUrl: "https://provider.test/token", apiBaseUrl: "https://api.provider.test/", clientId, clientSecret: "acme-secret" });
const token = { access_token: "at-1", token_type: "bearer" };

function makeApp(onError?: (error: Error) => Response) {
  const dance = createDance({ secret, providers: [acme()] });
  const app = new Hono<DanceHonoEnv<"acme">>();
  if (onError) app.onError(onError);
  app.use(danceMiddleware(dance));
  return { dance, app };
}

/** A cookie header a browser would send back after these Set-Cookie values. */
const cookieOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

describe("danceMiddleware", () => {
  it("serves the dance routes and leaves everything else to the app", async () => {
    const { app } = makeApp();
    app.get("/", (c) => c.text("home"));
    const login = await app.request("http://127.0.0.1/login/acme?next=/x");
    expect(login.status).toBe(302);
    expect(new URL(login.headers.get("location")!).searchParams.get("redirect_uri")).toBe("http://127.0.0.1/login/acme/authorized");
    expect(login.headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-tx-acme=d1\./)]);
    expect((await app.request("http://127.0.0.1/login/nope")).status).toBe(404);
    expect(await (await app.request("http://127.0.0.1/")).text()).toBe("home");
  });

  it("c.var.dance is typed with the configured provider ids", () => {
    const { app } = makeApp();
    app.get("/", async (c) => {
      expectTypeOf(c.var.dance).toEqualTypeOf<DanceContext<"acme">>();
      // @ts-expect-error "acmee" is not a configured provider
      void (() => c.var.dance.session("acmee"));
      return c.text("ok");
    });
    const dance = createDance({ secret, providers: [acme()] });
    // @ts-expect-error requireLogin checks the id against the Dance it is given
    void (() => requireLogin(dance, "github"));
    expectTypeOf(requireLogin(dance, "acme")).toBeFunction();
  });

  it("applies cookie changes to a response whose headers are immutable (Response.redirect), with no-store", async () => {
    const { app } = makeApp();
    app.get("/set", async (c) => {
      await (await c.var.dance.session("acme")).setToken(token);
      return Response.redirect("http://127.0.0.1/done", 302);
    });
    const response = await app.request("http://127.0.0.1/set");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://127.0.0.1/done");
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-acme=d1\./)]);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("keeps the app's own cookies and headers next to the session's", async () => {
    const { app } = makeApp();
    app.get("/", async (c) => {
      c.header("set-cookie", "theme=dark; Path=/", { append: true });
      c.header("x-app", "1");
      await (await c.var.dance.session("acme")).setToken(token);
      return c.text("ok");
    });
    const response = await app.request("http://127.0.0.1/");
    expect(response.headers.getSetCookie().map((c) => c.slice(0, c.indexOf("=")))).toEqual(["theme", "dance-acme"]);
    expect(response.headers.get("x-app")).toBe("1");
  });

  it("answers a DanceError with its own status instead of Hono's 500; other errors stay the app's", async () => {
    const onError = vi.fn((error: Error) => new Response(`app error: ${error.message}`, { status: 500 }));
    const { app } = makeApp(onError);
    app.get("/api", async (c) => c.json(await (await (await c.var.dance.session("acme")).fetch("/me")).json()));
    app.get("/down", () => {
      throw new DanceError("provider_unavailable", "The provider is down.", { provider: "acme" });
    });
    app.get("/bug", () => {
      throw new Error("bug");
    });
    const api = await app.request("http://127.0.0.1/api?x=1");
    expect(api.status).toBe(302); // not_authorized → the login, coming back here
    expect(api.headers.get("location")).toBe("/login/acme?next=%2Fapi%3Fx%3D1");
    const down = await app.request("http://127.0.0.1/down", { headers: { accept: "application/json" } });
    expect(down.status).toBe(502);
    expect(down.headers.get("x-dance-error")).toBe("provider_unavailable");
    const bug = await app.request("http://127.0.0.1/bug");
    expect(bug.status).toBe(500);
    expect(await bug.text()).toBe("app error: bug");
  });

  it("requireLogin redirects with return-to, passes with a token, and says when the middleware is missing", async () => {
    const { app } = makeApp();
    app.get("/set", async (c) => {
      await (await c.var.dance.session("acme")).setToken(token);
      return c.text("stored");
    });
    app.get("/private", requireLogin("acme"), (c) => c.text("private"));
    const blocked = await app.request("http://127.0.0.1/private?tab=2");
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("location")).toBe("/login/acme?next=%2Fprivate%3Ftab%3D2");
    const cookie = cookieOf(await app.request("http://127.0.0.1/set"));
    const allowed = await app.request("http://127.0.0.1/private", { headers: { cookie } });
    expect(await allowed.text()).toBe("private");

    const bare = new Hono();
    const errors: Error[] = [];
    bare.onError((error) => (errors.push(error), new Response("error", { status: 500 })));
    bare.get("/", requireLogin("acme"), (c) => c.text("never"));
    expect((await bare.request("http://127.0.0.1/")).status).toBe(500);
    expect(errors[0]?.message).toMatch(/mount danceMiddleware\(dance\) before it/);
  });

  it("builds the configuration from c.env (a Worker's bindings), once per env object", async () => {
    interface Env {
      SECRET: string;
      CLIENT_ID: string;
    }
    const build = vi.fn((env: Env) => ({ secret: env.SECRET, providers: [acme(env.CLIENT_ID)] }));
    const dance = createDance(build);
    const app = new Hono<DanceHonoEnv<"acme", Env>>().use(danceMiddleware(dance));
    const env = { SECRET: secret, CLIENT_ID: "from-bindings" };
    for (let i = 0; i < 3; i++) {
      const login = await app.request("http://127.0.0.1/login/acme", {}, env);
      expect(new URL(login.headers.get("location")!).searchParams.get("client_id")).toBe("from-bindings");
    }
    expect(build).toHaveBeenCalledTimes(1);
    // Or from elsewhere, e.g. one env object for a Deno or Node process.
    const fixed = { SECRET: secret, CLIENT_ID: "fixed" };
    const custom = new Hono().use(danceMiddleware(dance, { env: () => fixed }));
    const login = await custom.request("http://127.0.0.1/login/acme", {}, { SECRET: "unused", CLIENT_ID: "unused" });
    expect(new URL(login.headers.get("location")!).searchParams.get("client_id")).toBe("fixed");
  });

  it("answers 400 to a Host header that makes the URL unparsable or misleading", async () => {
    const { app } = makeApp();
    app.get("/", (c) => c.text("home"));
    for (const host of ["exa mple", "evil.test/x?", "user@evil.test"]) {
      expect((await app.request("http://127.0.0.1/login/acme", { headers: { host } })).status).toBe(400);
    }
    expect((await app.request("http://127.0.0.1/", { headers: { host: "127.0.0.1:3000" } })).status).toBe(200);
  });
});
