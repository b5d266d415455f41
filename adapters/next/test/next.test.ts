/**
 * The pieces of the Next.js adapter that run outside a Next.js server. Everything with a real
 * `next build` + `next start` (route handlers, the proxy, Server Components, server actions) is
 * in test/conformance/next.test.ts.
 */
import { describe, expect, it, vi } from "vitest";
import { createDance, DanceError } from "@dance/core";
import { oauth2 } from "@dance/providers/oauth2";
import { danceProxy, danceRoute, nextHandlers, toDanceRequest } from "@dance/next";

const secret = "next-adapter-test-secret-0123456789abcdef";
const tokenEndpoint = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const form = new URLSearchParams(await new Request(input, init).text());
  return form.get("grant_type") === "refresh_token" ? Response.json({ access_token: "at-refreshed", token_type: "bearer", expires_in: 3600, refresh_token: "rt-2" }) : Response.json({ error: "invalid_grant" }, { status: 400 });
});
const dance = createDance({
  secret,
  fetch: tokenEndpoint as typeof fetch,
  providers: [oauth2({ id: "acme", authorizationUrl: "https://provider.test/authorize", tokenUrl: "https://provider.test/token", apiBaseUrl: "https://api.provider.test/", clientId: "acme-client", clientSecret: "s", refresh: true })],
});

/** What Next.js hands a route handler: `localhost` in the URL, the browser's host in the Host header. */
const nextRequest = (path: string, host: string, init: RequestInit = {}) => new Request(`http://localhost:3000${path}`, { ...init, headers: { ...init.headers, host } });

/** A cookie holding `token`, as the browser would send it back. */
async function cookieFor(token: Record<string, unknown>): Promise<string> {
  const response = await danceRoute(dance, async (_request, context) => {
    await (await context.session("acme")).setToken(token as never);
    return new Response("ok");
  })(nextRequest("/set", "127.0.0.1:3000"));
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

describe("toDanceRequest", () => {
  it("takes the origin from the Host header and keeps method, headers and body", async () => {
    const request = toDanceRequest(nextRequest("/login/acme/authorized?x=1", "127.0.0.1:4000", { method: "POST", body: "state=s&code=c", headers: { "content-type": "application/x-www-form-urlencoded" } }))!;
    expect(request.url).toBe("http://127.0.0.1:4000/login/acme/authorized?x=1");
    expect(request.method).toBe("POST");
    expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await request.text()).toBe("state=s&code=c");
    const same = nextRequest("/", "localhost:3000");
    expect(toDanceRequest(same)).toBe(same);
  });

  it("refuses a missing or invalid Host header", () => {
    for (const host of ["exa mple", "evil.test/x?", "user@evil.test", "127.0.0.1:99999"]) expect(toDanceRequest(nextRequest("/", host)), host).toBeNull();
    expect(toDanceRequest(new Request("http://localhost:3000/"))).toBeNull();
  });
});

describe("nextHandlers and danceRoute", () => {
  it("the login's redirect_uri is on the browser's origin, not Next's localhost; a bad Host is a 400", async () => {
    const { GET, POST } = nextHandlers(dance);
    expect(POST).toBe(GET);
    const login = await GET(nextRequest("/login/acme", "127.0.0.1:4000"));
    expect(login.status).toBe(302);
    expect(new URL(login.headers.get("location")!).searchParams.get("redirect_uri")).toBe("http://127.0.0.1:4000/login/acme/authorized");
    expect((await GET(nextRequest("/login/acme", "exa mple"))).status).toBe(400);
  });

  it("danceRoute applies cookie changes with no-store and answers a DanceError with its status", async () => {
    const cookie = await cookieFor({ access_token: "at-1", token_type: "bearer" });
    expect(cookie).toMatch(/^dance-acme=d1\./);
    const logout = await danceRoute(dance, async (_request, context) => {
      await (await context.session("acme")).deleteToken();
      return Response.redirect("http://127.0.0.1:3000/", 303);
    })(nextRequest("/logout", "127.0.0.1:3000", { headers: { cookie } }));
    expect(logout.headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-acme=; .*Max-Age=0/)]);
    expect(logout.headers.get("cache-control")).toBe("private, no-store");
    const failing = danceRoute(dance, () => {
      throw new DanceError("provider_unavailable", "down", { provider: "acme" });
    });
    expect((await failing(nextRequest("/x", "127.0.0.1:3000"))).status).toBe(502);
  });
});

describe("session.freshToken (what the proxy calls)", () => {
  it("refreshes only a token that is due, and is null when logged out", async () => {
    const session = async (cookie: string) => dance.session(new Request("http://127.0.0.1:3000/", { headers: { cookie } }), "acme");
    tokenEndpoint.mockClear();
    expect(await (await session("")).freshToken()).toBeNull();
    const fresh = await cookieFor({ access_token: "at-fresh", token_type: "bearer", refresh_token: "rt-1", expires_at: Math.floor(Date.now() / 1000) + 3600 });
    expect(await (await session(fresh)).freshToken()).toMatchObject({ access_token: "at-fresh" });
    expect(tokenEndpoint).not.toHaveBeenCalled();
    const due = await cookieFor({ access_token: "at-due", token_type: "bearer", refresh_token: "rt-due", expires_at: Math.floor(Date.now() / 1000) + 30 });
    expect(await (await session(due)).freshToken()).toMatchObject({ access_token: "at-refreshed" });
    expect(tokenEndpoint).toHaveBeenCalledTimes(1);
  });
});

describe("danceProxy", () => {
  it("continues (x-middleware-next) when there is nothing to do; redirects to the login a path requires", async () => {
    const proxy = danceProxy(dance, { require: (url) => (url.pathname.startsWith("/private") ? "acme" : null) });
    const open = await proxy(nextRequest("/public", "127.0.0.1:3000"));
    expect(open.headers.get("x-middleware-next")).toBe("1");
    const blocked = await proxy(nextRequest("/private?tab=2", "127.0.0.1:3000"));
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("location")).toBe("http://127.0.0.1:3000/login/acme?next=%2Fprivate%3Ftab%3D2");
    expect((await proxy(nextRequest("/private", "a b"))).status).toBe(400);
  });

  it("refreshes an expiring token, writes it to the browser and to the request the page renders with", async () => {
    const cookie = await cookieFor({ access_token: "at-old", token_type: "bearer", refresh_token: "rt-1", expires_at: Math.floor(Date.now() / 1000) + 30 });
    tokenEndpoint.mockClear();
    const response = await danceProxy(dance)(nextRequest("/page", "127.0.0.1:3000", { headers: { cookie: `theme=dark; ${cookie}` } }));
    expect(tokenEndpoint).toHaveBeenCalledTimes(1);
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const written = response.headers.getSetCookie();
    expect(written).toEqual([expect.stringMatching(/^dance-acme=d1\./)]);
    // Next.js forwards request header overrides as x-middleware-request-<name>.
    const forwarded = response.headers.get("x-middleware-request-cookie")!;
    expect(forwarded).toBe(`theme=dark; ${written[0]!.split(";")[0]}`);
    const seen = await danceRoute(dance, async (_request, context) => Response.json((await context.session("acme")).token))(nextRequest("/page", "127.0.0.1:3000", { headers: { cookie: forwarded } }));
    expect(await seen.json()).toMatchObject({ access_token: "at-refreshed", refresh_token: "rt-2" });
  });
});
