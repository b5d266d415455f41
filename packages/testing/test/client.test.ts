import { describe, expect, it } from "vitest";
import { CookieStore, createBrowser } from "../src/client.js";

const APP = "http://127.0.0.1:3000";

describe("CookieStore", () => {
  it("sends a cookie back, and forgets it on Max-Age=0 or a past Expires", () => {
    const jar = new CookieStore();
    jar.store(`${APP}/login/x`, ["a=1; Path=/; HttpOnly; SameSite=Lax", "b=2; Path=/"]);
    expect(jar.header(`${APP}/anything`)).toBe("a=1; b=2");
    jar.store(`${APP}/`, "a=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    jar.store(`${APP}/`, "b=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT");
    expect(jar.header(`${APP}/`)).toBe("");
  });

  it("lets Max-Age win over Expires, and expires cookies with the clock", () => {
    let now = Date.parse("2030-01-01T00:00:00Z");
    const jar = new CookieStore({ now: () => now });
    jar.store(`${APP}/`, "a=1; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60");
    expect(jar.get(`${APP}/`, "a")).toBe("1");
    now += 61_000;
    expect(jar.get(`${APP}/`, "a")).toBeUndefined();
    expect(jar.all()).toEqual([]);
  });

  it("scopes cookies by Path (default path from the request URL), most specific first", () => {
    const jar = new CookieStore();
    jar.store("http://op.test/interaction/abc", "i=1; Path=/interaction/abc");
    jar.store("http://op.test/auth/abc", "d=1"); // default path: /auth
    jar.store("http://op.test/", "s=1; Path=/");
    expect(jar.header("http://op.test/interaction/abc")).toBe("i=1; s=1");
    expect(jar.header("http://op.test/interaction/abcdef")).toBe("s=1");
    expect(jar.header("http://op.test/auth/abc")).toBe("d=1; s=1");
    expect(jar.header("http://op.test/authx")).toBe("s=1");
  });

  it("scopes cookies by host, not port, like a browser", () => {
    const jar = new CookieStore();
    jar.store("http://127.0.0.1:4000/", "op=1; Path=/");
    expect(jar.header("http://127.0.0.1:3000/")).toBe("op=1");
    expect(jar.header("http://localhost:3000/")).toBe("");
  });

  it("replaces a cookie of the same name, host and path", () => {
    const jar = new CookieStore();
    jar.store(`${APP}/`, ["a=1; Path=/", "a=2; Path=/"]);
    expect(jar.header(`${APP}/`)).toBe("a=2");
  });

  it("accepts __Host- cookies only with Secure, Path=/ and no Domain, from a secure origin", () => {
    const jar = new CookieStore();
    const https = "https://app.example.test/login";
    expect(jar.store(https, "__Host-ok=1; Path=/; Secure; HttpOnly")).toEqual([]);
    expect(jar.store(https, "__Host-nosecure=1; Path=/")).toEqual(["__Host-nosecure"]);
    expect(jar.store(https, "__Host-path=1; Path=/login; Secure")).toEqual(["__Host-path"]);
    expect(jar.store(https, "__Host-nopath=1; Secure")).toEqual(["__Host-nopath"]);
    expect(jar.store(https, "__Host-domain=1; Path=/; Secure; Domain=app.example.test")).toEqual(["__Host-domain"]);
    expect(jar.store("http://app.example.test/", "__Host-http=1; Path=/; Secure")).toEqual(["__Host-http"]);
    expect(jar.store("http://app.example.test/", "__Secure-http=1; Path=/; Secure")).toEqual(["__Secure-http"]);
    expect(jar.header("https://app.example.test/")).toBe("__Host-ok=1");
    // Loopback http is a secure context, as in browsers.
    expect(jar.store(`${APP}/`, "__Host-local=1; Path=/; Secure")).toEqual([]);
  });

  it("does not send Secure cookies over plain http to other hosts", () => {
    const jar = new CookieStore();
    jar.store("https://app.example.test/", "s=1; Path=/; Secure");
    expect(jar.header("http://app.example.test/")).toBe("");
    expect(jar.header("https://app.example.test/")).toBe("s=1");
  });

  it("honours Domain for subdomains and refuses a Domain that does not match", () => {
    const jar = new CookieStore();
    expect(jar.store("https://www.example.test/", "d=1; Domain=example.test; Path=/")).toEqual([]);
    expect(jar.store("https://www.example.test/", "evil=1; Domain=other.test; Path=/")).toEqual(["evil"]);
    expect(jar.header("https://api.example.test/")).toBe("d=1");
    expect(jar.header("https://example.test/")).toBe("d=1");
  });

  it("drops cookies above 4096 bytes, as browsers do", () => {
    const jar = new CookieStore();
    expect(jar.store(`${APP}/`, `big=${"x".repeat(4094)}; Path=/`)).toEqual(["big"]);
    expect(jar.store(`${APP}/`, `fit=${"x".repeat(4093)}; Path=/`)).toEqual([]);
  });

  it("lets a test set and delete a cookie by name, outside the Set-Cookie rules", () => {
    const jar = new CookieStore();
    jar.store("https://app.example.test/", ["__Host-t=1; Path=/; Secure; HttpOnly", "u=2; Path=/"]);
    jar.set("https://app.example.test/x", "__Host-t", "tampered");
    expect(jar.all().find((c) => c.name === "__Host-t")).toMatchObject({ value: "tampered", secure: true, httpOnly: true, path: "/" });
    expect(jar.header("https://app.example.test/")).toBe("__Host-t=tampered; u=2");
    jar.set("http://app.example.test/", "__Host-planted", "x".repeat(5000)); // no prefix or size rule
    expect(jar.get("http://app.example.test/", "__Host-planted")).toHaveLength(5000);
    expect(jar.delete("https://app.example.test/", "u")).toBe(true);
    expect(jar.delete("https://app.example.test/", "u")).toBe(false);
    expect(jar.header("https://app.example.test/")).toBe(`__Host-t=tampered; __Host-planted=${"x".repeat(5000)}`);
    expect(jar.header("https://other.example.test/")).toBe("");
  });
});

describe("createBrowser", () => {
  it("does not follow redirects, keeps cookies, and follows hops on request", async () => {
    const seen: (string | null)[] = [];
    const browser = createBrowser({
      handlers: {
        [APP]: (request) => {
          seen.push(request.headers.get("cookie"));
          const path = new URL(request.url).pathname;
          if (path === "/start") return new Response(null, { status: 302, headers: { location: "/next", "set-cookie": "n=1; Path=/" } });
          if (path === "/next") return new Response(null, { status: 303, headers: { location: `${APP}/end` } });
          return new Response("end");
        },
      },
    });
    const start = await browser.get(`${APP}/start`);
    expect(start.status).toBe(302);
    expect(browser.urlOf(start).href).toBe(`${APP}/start`);
    expect(browser.locationOf(start)?.href).toBe(`${APP}/next`);
    const next = await browser.follow(start);
    expect(next.status).toBe(303);
    const end = await browser.followRedirects(next);
    expect(await end.text()).toBe("end");
    expect(seen).toEqual([null, "n=1", "n=1"]);
    await expect(browser.follow(end)).rejects.toThrow(TypeError);
  });

  it("stops before a redirect `until` matches, and refuses endless redirects", async () => {
    const browser = createBrowser({
      handlers: { [APP]: (request) => new Response(null, { status: 302, headers: { location: `/loop?${new URL(request.url).search.length}` } }) },
    });
    const stopped = await browser.followRedirects(`${APP}/a`, { until: (url) => url.pathname === "/loop" });
    expect(browser.urlOf(stopped).pathname).toBe("/a");
    await expect(browser.followRedirects(`${APP}/a`, { maxHops: 3 })).rejects.toThrow(/more than 3 redirects/);
  });

  it("posts forms and repeats the method and body on 307", async () => {
    const bodies: string[] = [];
    const browser = createBrowser({
      handlers: {
        [APP]: async (request) => {
          bodies.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get("content-type")} ${await request.text()}`);
          return new URL(request.url).pathname === "/old" ? new Response(null, { status: 307, headers: { location: "/new" } }) : new Response("ok");
        },
      },
    });
    const moved = await browser.post(`${APP}/old`, { login: "ada", password: "a b&c" });
    await browser.follow(moved);
    expect(bodies).toEqual([
      "POST /old application/x-www-form-urlencoded login=ada&password=a+b%26c",
      "POST /new application/x-www-form-urlencoded login=ada&password=a+b%26c",
    ]);
  });

  it("builds Requests with its cookies and receives cookies from Responses the test built", () => {
    const browser = createBrowser();
    browser.receive(`${APP}/x`, new Response(null, { headers: { "set-cookie": "t=1; Path=/" } }));
    expect(browser.request(`${APP}/y`).headers.get("cookie")).toBe("t=1");
    browser.receive(`${APP}/x`, new Response(null, { headers: { "set-cookie": "t=; Path=/; Max-Age=0" } }));
    expect(browser.request(`${APP}/y`).headers.get("cookie")).toBeNull();
  });
});
