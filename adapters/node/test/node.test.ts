/**
 * The Node adapter over real sockets: a node:http server on 127.0.0.1 (port 0), driven by the
 * global fetch with `redirect: "manual"` (and raw sockets where fetch cannot go: a bad Host).
 * The provider is never contacted: the token endpoint is Dance's `fetch` option.
 */
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import express from "express";
import { createDance, DanceConfigError, DanceError, type DanceConfig, type Token } from "@dance/core";
import { oauth2, type OAuth2Options } from "@dance/providers/oauth2";
import { getSession, nodeErrorHandler, nodeMiddleware, requireLogin, sendResponse, toNodeHandler, toRequest, type NodeHandlerOptions } from "@dance/node";

const secret = "node-adapter-test-secret-0123456789abcdef";

function acme(options: Partial<OAuth2Options> = {}) {
  return oauth2({
    id: "acme",
    authorizationUrl: "https://provider.test/authorize",
    tokenUrl: "https://provider.test/token",
    apiBaseUrl: "https://api.provider.test/",
    clientId: "acme-client",
    clientSecret: "acme-secret",
    ...options,
  });
}

/** A token endpoint that accepts the code "good-code" (and checks PKCE was sent). */
const tokenEndpoint = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init);
  const form = new URLSearchParams(await request.text());
  if (request.url !== "https://provider.test/token" || form.get("code") !== "good-code" || !form.get("code_verifier")) {
    return Response.json({ error: "invalid_grant" }, { status: 400 });
  }
  return Response.json({ access_token: "at-from-provider", token_type: "Bearer", expires_in: 3600 });
});

function makeDance(config: Partial<DanceConfig> = {}, provider: Partial<OAuth2Options> = {}) {
  return createDance({ secret, providers: [acme(provider)], fetch: tokenEndpoint as typeof fetch, ...config });
}

const servers: http.Server[] = [];
afterEach(async () => {
  tokenEndpoint.mockClear();
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** Listen on 127.0.0.1, port 0; returns the origin. */
async function listen(listener: http.RequestListener): Promise<string> {
  const server = http.createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function request(url: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
  const { cookie, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (cookie) headers.set("cookie", cookie);
  return fetch(url, { redirect: "manual", ...rest, headers });
}

/** The `Cookie` header a browser would send back after these `Set-Cookie` values. */
function cookieHeader(setCookies: readonly string[], previous = ""): string {
  const jar = new Map(previous ? previous.split("; ").map((pair) => [pair.slice(0, pair.indexOf("=")), pair] as const) : []);
  for (const line of setCookies) {
    const pair = line.split(";")[0]!;
    const name = pair.slice(0, pair.indexOf("="));
    if (/;\s*Max-Age=0/i.test(line)) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join("; ");
}

/** Send raw bytes (what fetch refuses to send, e.g. a bad Host); the raw answer. */
function raw(origin: string, head: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    // write, not end: a half-closed socket makes Node abort the request before an async answer.
    const socket = net.connect(Number(new URL(origin).port), "127.0.0.1", () => socket.write(head));
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
  });
}

/** Send raw bytes and return the status code. */
async function rawStatus(origin: string, head: string): Promise<number> {
  const answer = await raw(origin, head);
  const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
  if (!status) throw new Error(`no HTTP status in ${JSON.stringify(answer.slice(0, 80))}`);
  return Number(status[1]);
}

/** Start a login; returns the provider URL and the browser's cookies. */
async function startLogin(origin: string, path = "/login/acme", cookie = ""): Promise<{ location: URL; cookie: string; state: string }> {
  const response = await request(`${origin}${path}`, { cookie });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location")!);
  return { location, cookie: cookieHeader(response.headers.getSetCookie(), cookie), state: location.searchParams.get("state")! };
}

/** A plain node:http app: `/set` stores a token, `/whoami` reads it, anything else answers "fallback". */
function app(dance: ReturnType<typeof makeDance>, token: Token = { access_token: "at-1", token_type: "bearer" }): http.RequestListener {
  return async (req, res) => {
    const url = new URL(req.url!, "http://x");
    if (url.pathname === "/set") {
      await (await getSession(dance, req, res, "acme")).setToken(token);
      res.writeHead(200, { "content-type": "text/plain" }).end("stored");
    } else if (url.pathname === "/whoami") {
      const session = await getSession(dance, req, res, "acme");
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ authorized: session.authorized, token: session.token?.access_token ?? null }));
    } else {
      res.writeHead(200, { "content-type": "text/plain" }).end(`fallback ${req.method} ${req.url}`);
    }
  };
}

describe("toNodeHandler: Dance's routes over a real socket", () => {
  it("GET /login/<id> redirects to the provider and sets the transaction cookie", async () => {
    const origin = await listen(toNodeHandler(makeDance(), app(makeDance())));
    const response = await request(`${origin}/login/acme?next=/after`);
    expect(response.status).toBe(302);
    // It sets a cookie: no shared cache may keep it (SECURITY.md 37).
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://provider.test/authorize");
    expect(location.searchParams.get("response_type")).toBe("code");
    expect(location.searchParams.get("client_id")).toBe("acme-client");
    expect(location.searchParams.get("redirect_uri")).toBe(`${origin}/login/acme/authorized`);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("state")!.length).toBeGreaterThanOrEqual(22);
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^dance-tx-acme=d1\./);
    expect(cookies[0]).toMatch(/; HttpOnly/);
    expect(cookies[0]).toMatch(/; SameSite=Lax/);
    expect(cookies[0]).toMatch(/; Max-Age=600/);
    expect(cookies[0]).not.toMatch(/; Secure/); // plain http on loopback
  });

  it("answers 404 for unknown paths under /login, 405 for a POST login, and never calls the fallback for them", async () => {
    const fallback = vi.fn((_req: http.IncomingMessage, res: http.ServerResponse) => void res.end("fallback"));
    const origin = await listen(toNodeHandler(makeDance(), fallback));
    expect((await request(`${origin}/login/nope`)).status).toBe(404);
    expect((await request(`${origin}/login/acme/elsewhere`)).status).toBe(404);
    expect((await request(`${origin}/login/acme/authorized/extra`)).status).toBe(404);
    expect((await request(`${origin}/login`)).status).toBe(404);
    const post = await request(`${origin}/login/acme`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect(fallback).not.toHaveBeenCalled();
  });

  it("passes every other path, with its query, to the fallback", async () => {
    const origin = await listen(toNodeHandler(makeDance(), app(makeDance())));
    const response = await request(`${origin}/dashboard?tab=2`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("fallback GET /dashboard?tab=2");
    expect((await request(`${origin}/loginx`)).status).toBe(200); // not under /login/
  });

  it("answers 404 outside Dance's routes when there is no fallback", async () => {
    const origin = await listen(toNodeHandler(makeDance()));
    const response = await request(`${origin}/dashboard`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not Found");
    expect((await request(`${origin}/login/acme`)).status).toBe(302);
  });

  it("HEAD /login/<id> redirects without a body", async () => {
    const origin = await listen(toNodeHandler(makeDance()));
    const response = await request(`${origin}/login/acme`, { method: "HEAD" });
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie()).toHaveLength(1);
    expect(await response.text()).toBe("");
  });
});

describe("Set-Cookie", () => {
  it("sends a chunked token as separate Set-Cookie headers, each < 4096 bytes, and reads it back whole", async () => {
    const big = Buffer.from(crypto.getRandomValues(new Uint8Array(7000))).toString("base64url");
    const dance = makeDance();
    const origin = await listen(toNodeHandler(dance, app(dance, { access_token: big, token_type: "bearer" })));
    const response = await request(`${origin}/set`);
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThanOrEqual(3);
    expect(cookies.map((c) => c.slice(0, c.indexOf("=")))).toEqual(cookies.map((_, i) => `dance-acme.${i}`));
    for (const cookie of cookies) expect(Buffer.byteLength(`Set-Cookie: ${cookie}`)).toBeLessThan(4096);

    // Separate header lines on the wire, not one comma-joined line: Node's client keeps them apart.
    const raw = await new Promise<string[] | undefined>((resolve, reject) => {
      http.get(`${origin}/set`, (res) => {
        res.resume();
        resolve(res.headers["set-cookie"]);
      }).on("error", reject);
    });
    expect(raw).toHaveLength(cookies.length);

    const cookie = cookieHeader(cookies);
    const back = await (await request(`${origin}/whoami`, { cookie })).json();
    expect(back).toEqual({ authorized: true, token: big });

    // A fresh Dance (same secret, empty seal cache) really opens the joined chunks.
    const fresh = makeDance();
    const freshOrigin = await listen(toNodeHandler(fresh, app(fresh)));
    expect(await (await request(`${freshOrigin}/whoami`, { cookie })).json()).toEqual({ authorized: true, token: big });
  });

  it("keeps Set-Cookie headers the app passes to writeHead next to the session's", async () => {
    const dance = makeDance();
    const origin = await listen(
      toNodeHandler(dance, async (req, res) => {
        await (await getSession(dance, req, res, "acme")).setToken({ access_token: "at-1", token_type: "bearer" });
        res.setHeader("set-cookie", "first=1; Path=/");
        if (req.url === "/array") res.writeHead(200, ["Set-Cookie", "theme=dark; Path=/", "Content-Type", "text/plain"]).end("ok");
        else res.writeHead(200, "OK", { "Set-Cookie": ["theme=dark; Path=/", "lang=en; Path=/"], "content-type": "text/plain" }).end("ok");
      }),
    );
    const names = (r: Response) => r.headers.getSetCookie().map((c) => c.slice(0, c.indexOf("=")));
    expect(names(await request(`${origin}/object`))).toEqual(["first", "theme", "lang", "dance-acme"]);
    expect(names(await request(`${origin}/array`))).toEqual(["first", "theme", "dance-acme"]);
  });

  it("does not send a cookie twice when the app commits it into its own Response", async () => {
    const dance = makeDance();
    const origin = await listen(
      toNodeHandler(dance, async (req, res) => {
        const session = await getSession(dance, req, res, "acme");
        await session.setToken({ access_token: "at-1", token_type: "bearer" });
        await sendResponse(res, session.commit(new Response("ok")));
      }),
    );
    const cookies = (await request(`${origin}/`)).headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^dance-acme=d1\./);
  });
});

describe("form_post callbacks: the POST body is streamed into the Request", () => {
  const form = { "content-type": "application/x-www-form-urlencoded" };

  it("reaches the state check with a wrong state (403 state_mismatch) and clears the transaction", async () => {
    const dance = makeDance({}, { responseMode: "form_post" });
    const origin = await listen(toNodeHandler(dance));
    const { location, cookie } = await startLogin(origin);
    expect(location.searchParams.get("response_mode")).toBe("form_post");
    expect(cookie).toMatch(/^dance-tx-acme=d1\./);

    const wrong = await request(`${origin}/login/acme/authorized`, { method: "POST", headers: form, body: "state=wrong&code=good-code", cookie });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get("x-dance-error")).toBe("state_mismatch");
    expect(wrong.headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-tx-acme=; .*Max-Age=0/)]);

    // Same transaction, no body: it is the body that carried the state above.
    const empty = await request(`${origin}/login/acme/authorized`, { method: "POST", headers: form, body: "", cookie });
    expect(empty.headers.get("x-dance-error")).toBe("state_missing");
    expect(tokenEndpoint).not.toHaveBeenCalled();
  });

  it("reads a chunked (streamed, no Content-Length) body", async () => {
    const dance = makeDance({}, { responseMode: "form_post" });
    const origin = await listen(toNodeHandler(dance));
    const { cookie } = await startLogin(origin);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("code=good-code&"));
        controller.enqueue(encoder.encode("state=wrong"));
        controller.close();
      },
    });
    const response = await request(`${origin}/login/acme/authorized`, { method: "POST", headers: form, body, cookie, duplex: "half" } as RequestInit);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-dance-error")).toBe("state_mismatch");
  });

  it("completes the dance with the right state: token stored, back to `next`", async () => {
    const dance = makeDance({}, { responseMode: "form_post" });
    const origin = await listen(toNodeHandler(dance, app(dance)));
    const { cookie, state } = await startLogin(origin, "/login/acme?next=/after");
    const body = new URLSearchParams({ code: "good-code", state }).toString();
    const response = await request(`${origin}/login/acme/authorized`, { method: "POST", headers: form, body, cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/after");
    expect(tokenEndpoint).toHaveBeenCalledTimes(1);
    const cookies = response.headers.getSetCookie();
    expect(cookies).toEqual(expect.arrayContaining([expect.stringMatching(/^dance-tx-acme=; /), expect.stringMatching(/^dance-acme=d1\./)]));
    const whoami = await request(`${origin}/whoami`, { cookie: cookieHeader(cookies, cookie) });
    expect(await whoami.json()).toEqual({ authorized: true, token: "at-from-provider" });
  });
});

describe("Express 5", () => {
  function expressApp(dance: ReturnType<typeof makeDance>) {
    const app = express();
    app.use(nodeMiddleware(dance));
    app.get("/set", async (req, res) => {
      await (await getSession(dance, req, res, "acme")).setToken({ access_token: "at-express", token_type: "bearer" });
      res.send("stored");
    });
    app.get("/private", requireLogin(dance, "acme"), async (req, res) => {
      const session = await getSession(dance, req, res, "acme");
      res.json({ token: session.token?.access_token });
    });
    app.post("/logout", async (req, res) => {
      await (await getSession(dance, req, res, "acme")).deleteToken();
      res.redirect(303, "/");
    });
    return app;
  }

  it("serves Dance's routes through nodeMiddleware and lets other routes through", async () => {
    const dance = makeDance();
    const app = expressApp(dance);
    app.get("/", (_req, res) => void res.send("home"));
    const origin = await listen(app);
    const login = await request(`${origin}/login/acme`);
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toMatch(/^https:\/\/provider\.test\/authorize\?/);
    expect(login.headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-tx-acme=d1\./)]);
    expect((await request(`${origin}/login/nope`)).status).toBe(404);
    expect(await (await request(`${origin}/`)).text()).toBe("home");
  });

  it("requireLogin redirects to /login/<id>?next=<original url> without a token, and passes with one", async () => {
    const dance = makeDance();
    const origin = await listen(expressApp(dance));
    const blocked = await request(`${origin}/private?tab=2`);
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("location")).toBe("/login/acme?next=%2Fprivate%3Ftab%3D2");
    expect(blocked.headers.getSetCookie()).toEqual([]);

    const cookie = cookieHeader((await request(`${origin}/set`)).headers.getSetCookie());
    expect(cookie).toMatch(/^dance-acme=d1\./);
    const allowed = await request(`${origin}/private?tab=2`, { cookie });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ token: "at-express" });
  });

  it("guard → login → callback comes back to the guarded URL, logged in", async () => {
    const dance = makeDance();
    const origin = await listen(expressApp(dance));
    const guarded = (await request(`${origin}/private?tab=2`)).headers.get("location")!;
    const { cookie, state } = await startLogin(origin, guarded);
    const callback = await request(`${origin}/login/acme/authorized?code=good-code&state=${encodeURIComponent(state)}`, { cookie });
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe("/private?tab=2");
    const page = await request(`${origin}/private?tab=2`, { cookie: cookieHeader(callback.headers.getSetCookie(), cookie) });
    expect(await page.json()).toEqual({ token: "at-from-provider" });
  });

  it("uses originalUrl when mounted under a sub-path", async () => {
    const dance = makeDance({ basePath: "/app/login" });
    const outer = express();
    outer.use("/app", expressApp(dance));
    const origin = await listen(outer);
    const blocked = await request(`${origin}/app/private`);
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("location")).toBe("/app/login/acme?next=%2Fapp%2Fprivate");
    const login = await request(`${origin}/app/login/acme`);
    expect(login.status).toBe(302);
    expect(new URL(login.headers.get("location")!).searchParams.get("redirect_uri")).toBe(`${origin}/app/login/acme/authorized`);
  });

  it("still reads a callback body that express.urlencoded() already parsed", async () => {
    const dance = makeDance({}, { responseMode: "form_post" });
    const app = express();
    const parsed = vi.fn();
    app.use(express.urlencoded({ extended: false }));
    app.use((req, _res, next) => {
      parsed(req.body, req.readableEnded);
      next();
    });
    app.use(nodeMiddleware(dance));
    const origin = await listen(app);
    const form = { "content-type": "application/x-www-form-urlencoded" };

    const first = await startLogin(origin);
    const wrong = await request(`${origin}/login/acme/authorized`, { method: "POST", headers: form, body: "state=wrong&code=good-code", cookie: first.cookie });
    expect(parsed).toHaveBeenLastCalledWith({ state: "wrong", code: "good-code" }, true);
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get("x-dance-error")).toBe("state_mismatch");

    // A repeated field stays repeated (parsed as an array): two states are refused.
    const second = await startLogin(origin);
    const twice = new URLSearchParams([["state", second.state], ["state", second.state], ["code", "good-code"]]).toString();
    const repeated = await request(`${origin}/login/acme/authorized`, { method: "POST", headers: form, body: twice, cookie: second.cookie });
    expect(repeated.headers.get("x-dance-error")).toBe("state_mismatch");

    const third = await startLogin(origin);
    const body = new URLSearchParams({ state: third.state, code: "good-code" }).toString();
    const ok = await request(`${origin}/login/acme/authorized`, { method: "POST", headers: form, body, cookie: third.cookie });
    expect(ok.status).toBe(302);
    expect(ok.headers.getSetCookie()).toEqual(expect.arrayContaining([expect.stringMatching(/^dance-acme=d1\./)]));
  });

  it("toRequest rebuilds a body a parser consumed: repeated form fields, text", async () => {
    const app = express();
    app.post("/form", express.urlencoded({ extended: false }), async (req, res) => void res.send(await toRequest(req).text()));
    app.post("/text", express.text(), async (req, res) => {
      const request = toRequest(req);
      res.send(`${request.headers.get("content-type")}|${await request.text()}`);
    });
    const origin = await listen(app);
    const form = await request(`${origin}/form`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1&a=2&b=x+y" });
    expect(await form.text()).toBe("a=1&a=2&b=x+y");
    const text = await request(`${origin}/text`, { method: "POST", headers: { "content-type": "text/plain" }, body: "hello" });
    expect(await text.text()).toBe("text/plain|hello");
  });

  it("cookie changes made in the app's handler (logout) reach the browser without commit", async () => {
    const dance = makeDance();
    const origin = await listen(expressApp(dance));
    const cookie = cookieHeader((await request(`${origin}/set`)).headers.getSetCookie());
    const logout = await request(`${origin}/logout`, { method: "POST", cookie });
    expect(logout.status).toBe(303);
    expect(logout.headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-acme=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970/)]);
    expect((await request(`${origin}/private`, { cookie: cookieHeader(logout.headers.getSetCookie(), cookie) })).status).toBe(302);
  });

  it("keeps cookies set with res.cookie() next to the session's", async () => {
    const dance = makeDance();
    const app = express();
    app.use(nodeMiddleware(dance));
    app.get("/", async (req, res) => {
      res.cookie("theme", "dark");
      await (await getSession(dance, req, res, "acme")).setToken({ access_token: "at-1", token_type: "bearer" });
      res.send("ok");
    });
    const origin = await listen(app);
    const cookies = (await request(`${origin}/`)).headers.getSetCookie();
    expect(cookies.map((c) => c.slice(0, c.indexOf("=")))).toEqual(["theme", "dance-acme"]);
  });

  it("sends each cookie once when the guard both queues cookies and redirects", async () => {
    const dance = makeDance();
    const app = expressApp(dance);
    const guarded = express();
    guarded.use(nodeMiddleware(dance));
    // Logging out in an earlier middleware queues the deletion; the guard then redirects.
    guarded.use(async (req, res, next) => {
      if (req.query.logout) await (await getSession(dance, req, res, "acme")).deleteToken();
      next();
    });
    guarded.use(app);
    const origin = await listen(guarded);
    const cookie = cookieHeader((await request(`${origin}/set`)).headers.getSetCookie());
    const response = await request(`${origin}/private?logout=1`, { cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login/acme?next=%2Fprivate%3Flogout%3D1");
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^dance-acme=; .*Max-Age=0/);
  });

  it("answers 400, not 500, to an invalid Host header", async () => {
    const dance = makeDance();
    const origin = await listen(expressApp(dance));
    expect(await rawStatus(origin, "GET /login/acme HTTP/1.1\r\nHost: exa mple\r\nConnection: close\r\n\r\n")).toBe(400);
    expect(await rawStatus(origin, "GET /private HTTP/1.1\r\nHost: evil.test/x?\r\nConnection: close\r\n\r\n")).toBe(400);
  });
});

describe("errors", () => {
  it("answers 400, not 500, to an invalid Host header", async () => {
    const onError = vi.fn();
    const dance = makeDance();
    const origin = await listen(toNodeHandler(dance, app(dance), { onError }));
    const get = (path: string, host: string) => rawStatus(origin, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(await get("/login/acme", "exa mple")).toBe(400);
    expect(await get("/login/acme", "evil.test/login/acme?")).toBe(400);
    expect(await get("/login/acme", "user@evil.test")).toBe(400);
    expect(await get("/login/acme", "127.0.0.1:99999")).toBe(400);
    expect(await get("/whoami", "exa mple")).toBe(400); // the fallback asked for a session
    expect(await get("/other", "exa mple")).toBe(200); // the fallback did not: nothing to parse
    expect(await get("/login/acme", "[::1]:8080")).toBe(302);
    expect(onError).not.toHaveBeenCalled();
  });

  it("uses the local address for an HTTP/1.0 request without a Host header", async () => {
    const origin = await listen(toNodeHandler(makeDance()));
    const answer = await raw(origin, "GET /login/acme HTTP/1.0\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 302 /);
    const location = new URL(/\r\nlocation: ([^\r]+)/i.exec(answer)![1]!);
    expect(location.searchParams.get("redirect_uri")).toBe(`${origin}/login/acme/authorized`);
  });

  it("answers 500 and calls onError when the fallback throws", async () => {
    const onError = vi.fn<NonNullable<NodeHandlerOptions["onError"]>>();
    const boom = new Error("boom");
    const origin = await listen(
      toNodeHandler(
        makeDance(),
        async (req, res) => {
          if (req.url === "/late") res.writeHead(200).write("partial");
          throw boom;
        },
        { onError },
      ),
    );
    const response = await request(`${origin}/dashboard`);
    expect(response.status).toBe(500);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBe(boom);
    expect(onError.mock.calls[0]![1].url).toBe("/dashboard");

    const late = await request(`${origin}/late`);
    expect(late.status).toBe(200); // the head was already sent: the response is ended
    expect(await late.text()).toBe("partial");
    expect(onError).toHaveBeenCalledTimes(2);
  });

  it("a DanceError from the app's handler answers its own status and code, or goes through login again", async () => {
    const onError = vi.fn();
    const dance = makeDance();
    const origin = await listen(
      toNodeHandler(
        dance,
        async (req, res) => {
          const session = await getSession(dance, req, res, "acme");
          if (req.url === "/down") throw new DanceError("provider_unavailable", "The token endpoint of acme could not be reached.", { provider: "acme" });
          if (req.url?.startsWith("/expired")) {
            await session.deleteToken();
            throw new DanceError("reauth_required", "log in again", { provider: "acme" });
          }
          res.end("ok");
        },
        { onError },
      ),
    );
    const down = await request(`${origin}/down`);
    expect({ status: down.status, code: down.headers.get("x-dance-error") }).toEqual({ status: 502, code: "provider_unavailable" });
    const expired = await request(`${origin}/expired?tab=2`);
    expect(expired.status).toBe(302);
    expect(expired.headers.get("location")).toBe(`/login/acme?next=${encodeURIComponent("/expired?tab=2")}`);
    expect(onError).not.toHaveBeenCalled();
  });
});

describe("issue 6: cache headers and misconfiguration in the adapter", () => {
  it("the cookie hook makes the app's response private, no-store, whatever caching it asked for", async () => {
    const dance = makeDance();
    const origin = await listen(
      toNodeHandler(dance, async (req, res) => {
        const session = await getSession(dance, req, res, "acme");
        if (req.url === "/refresh") await session.setToken({ access_token: "at-new", token_type: "bearer" });
        res.writeHead(200, { "cache-control": "public, max-age=600", "content-type": "text/plain" }).end("page");
      }),
    );
    const changed = await request(`${origin}/refresh`);
    expect(changed.headers.getSetCookie()).toHaveLength(1);
    expect(changed.headers.get("cache-control")).toBe("private, no-store");
    const unchanged = await request(`${origin}/plain`);
    expect(unchanged.headers.getSetCookie()).toEqual([]);
    expect(unchanged.headers.get("cache-control")).toBe("public, max-age=600");
  });

  it("requireLogin with an unknown provider id fails where it is created, with a coded error", () => {
    const dance = makeDance();
    const create = () => requireLogin(dance, "acmee" as "acme");
    expect(create).toThrow(DanceConfigError);
    expect(create).toThrow(/unknown provider "acmee"; configured: acme/);
  });

  it("Express: nodeErrorHandler answers a DanceError thrown by a route with its own status", async () => {
    const dance = makeDance();
    const app = express();
    app.use(nodeMiddleware(dance));
    app.get("/api", async (req, res) => {
      await getSession(dance, req, res, "acme");
      throw new DanceError("provider_unavailable", "down", { provider: "acme" });
    });
    app.get("/bug", () => {
      throw new Error("bug");
    });
    app.use(nodeErrorHandler(dance));
    app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(500).send("app error page"));
    const origin = await listen(app);
    const down = await request(`${origin}/api`);
    expect({ status: down.status, code: down.headers.get("x-dance-error") }).toEqual({ status: 502, code: "provider_unavailable" });
    const bug = await request(`${origin}/bug`);
    expect({ status: bug.status, body: await bug.text() }).toEqual({ status: 500, body: "app error page" });
  });

  it("a refresh made while the app handles a request reaches the browser's cookie, and the next request uses it", async () => {
    let refreshes = 0;
    const provider = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      if (request.url === "https://provider.test/token") {
        const form = new URLSearchParams(await request.text());
        if (form.get("grant_type") !== "refresh_token" || form.get("refresh_token") !== `rt-${refreshes}`) return Response.json({ error: "invalid_grant" }, { status: 400 });
        refreshes++;
        return Response.json({ access_token: `at-${refreshes}`, token_type: "Bearer", expires_in: 3600, refresh_token: `rt-${refreshes}` });
      }
      return Response.json({ authorization: request.headers.get("authorization") });
    };
    const dance = makeDance({ fetch: provider as typeof fetch }, { refresh: true });
    const origin = await listen(
      toNodeHandler(dance, async (req, res) => {
        const session = await getSession(dance, req, res, "acme");
        if (req.url === "/seed") {
          await session.setToken({ access_token: "at-0", token_type: "bearer", refresh_token: "rt-0", expires_at: Math.floor(Date.now() / 1000) - 10 });
          return void res.end("seeded");
        }
        const api = (await (await session.fetch("/me")).json()) as { authorization: string };
        res.writeHead(200, { "content-type": "text/plain" }).end(api.authorization);
      }),
    );
    const seeded = await request(`${origin}/seed`);
    let cookie = cookieHeader(seeded.headers.getSetCookie());
    const first = await request(`${origin}/api`, { cookie });
    expect(await first.text()).toBe("Bearer at-1");
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    cookie = cookieHeader(first.headers.getSetCookie(), cookie);
    const second = await request(`${origin}/api`, { cookie });
    expect(await second.text()).toBe("Bearer at-1"); // the refreshed token came back: no second refresh
    expect(second.headers.getSetCookie()).toEqual([]);
    expect(refreshes).toBe(1);
  });
});
