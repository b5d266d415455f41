/**
 * The zero-credential demo: a real OpenID Provider (panva's `oidc-provider`, in-process) and
 * a small app logging in with it through Dance, both on 127.0.0.1.
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createDance, isDanceError, NO_STORE, parseCookieHeader, serializeCookie, type Dance } from "@dance/core";
import { getSession, toNodeHandler } from "@dance/node";
import { oidc } from "@dance/providers/oidc";
import type { RunningOidcProvider } from "@dance/testing";
import { startLocalProvider, type LocalProvider } from "@dance/example-local-provider";
import { homePage, messagePage, profilePage, timelineView, type PageContext } from "./pages.js";
import { DanceRecorder } from "./timeline.js";

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** The app's port on 127.0.0.1. Default 3000; a busy port falls back to a free one; 0 → a free one. */
  port?: number;
  /** The provider's port on 127.0.0.1. Default 3001, with the same fallback. */
  providerPort?: number;
  /** Seals Dance's cookies (≥ 32 characters). Default: a random one per start (every restart logs everyone out). */
  secret?: string | undefined;
  /** The fetch Dance's provider calls finally go through (wrapped by the recorder). Tests spy on it. */
  fetch?: typeof fetch;
}

/** A running demo; see {@link startDemo}. */
export interface RunningDemo {
  /** The app, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** The OpenID Provider's issuer, e.g. `http://127.0.0.1:3001`. */
  readonly providerUrl: string;
  /** The Dance instance (subscribe to its events with `dance.on`). */
  readonly dance: Dance;
  /** The running provider. */
  readonly provider: RunningOidcProvider;
  /** The client registered at the provider (its secret never reaches a page). */
  readonly client: { readonly id: string; readonly secret: string; readonly redirectUri: string };
  /** What the pages' timelines are built from. */
  readonly recorder: DanceRecorder;
  /** Stop both servers. */
  close(): Promise<void>;
}

/** The provider id: the route segment (`/login/local`). */
export const PROVIDER_ID = "local";
/** A random, non-secret id per browser, so the timeline shown is this browser's own. */
const BROWSER_COOKIE = "dance-demo-browser";

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

const isAddressInUse = (error: unknown) => (error as { code?: unknown } | null)?.code === "EADDRINUSE";

/** Listen on `port`, or on a free port when it is taken. */
async function listenOrAnyPort(server: Server, port: number): Promise<number> {
  try {
    await listen(server, port);
  } catch (error) {
    if (port === 0 || !isAddressInUse(error)) throw error;
    await listen(server, 0);
  }
  return (server.address() as AddressInfo).port;
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": NO_STORE,
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.end(body);
}

/**
 * Start the provider and the app on 127.0.0.1.
 *
 * @example
 * ```ts
 * const demo = await startDemo({ port: 0, providerPort: 0 });
 * console.log(demo.url); // http://127.0.0.1:PORT
 * await demo.close();
 * ```
 */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  // The app listens first: its real port is part of the redirect_uri registered at the provider.
  let handler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  const server = createServer((req, res) => {
    if (handler) void handler(req, res);
    else send(res, 503, "Starting…");
  });
  const port = await listenOrAnyPort(server, options.port ?? 3000);
  const appHost = `127.0.0.1:${port}`;
  const appUrl = `http://${appHost}`;
  const redirectUri = `${appUrl}/login/${PROVIDER_ID}/authorized`;

  let local: LocalProvider;
  try {
    local = await startLocalProvider({ appUrl, callbackPaths: [`/login/${PROVIDER_ID}/authorized`], port: options.providerPort ?? 3001 });
  } catch (error) {
    server.close();
    throw error;
  }
  const op = local.provider;
  const client = { id: local.clientId, secret: local.clientSecret, redirectUri };

  const recorder = new DanceRecorder();
  let dance: Dance;
  try {
    dance = createDance({
      secret: options.secret ?? randomBytes(32).toString("base64url"),
      // One canonical origin: the redirect_uri is built from it (requests for other hosts are redirected below).
      baseUrl: appUrl,
      providers: [
        oidc({
          id: PROVIDER_ID,
          name: "Local OpenID Provider",
          issuer: op.issuer,
          clientId: client.id,
          clientSecret: client.secret,
          // offline_access asks for a refresh token; oidc() then sends prompt=consent (OIDC Core §11).
          scope: ["openid", "profile", "email", "offline_access"],
          refresh: true,
        }),
      ],
      redirectTo: "/profile",
      // A failed or refused login lands on the home page (with ?error=<code>), which says what went wrong.
      errorRedirectTo: "/",
      // The public hooks the timeline is built from.
      fetch: recorder.fetch(options.fetch),
      debug: recorder.debug,
      on: recorder.events,
    });
    // Discovery now, so a broken provider fails at start-up rather than at the first login.
    await dance.ready();
  } catch (error) {
    server.close();
    await op.close();
    throw error;
  }

  const ctx: PageContext = {
    appUrl,
    providerUrl: op.issuer,
    providerLogoutUrl: local.logoutUrl,
    loginPath: `/login/${PROVIDER_ID}?next=${encodeURIComponent("/profile")}`,
  };

  const app = toNodeHandler(dance, async (req, res) => {
    const url = new URL(req.url ?? "/", appUrl);
    const method = req.method ?? "GET";
    const local = await getSession(dance, req, res, PROVIDER_ID);
    if (url.pathname === "/" && (method === "GET" || method === "HEAD")) {
      const error = url.searchParams.get("error");
      const recorded = recorder.current()?.failure;
      const failure = error === null ? undefined : recorded?.code === error ? (recorded.detail ? `${error} (${recorded.detail})` : error) : error;
      send(res, 200, homePage(ctx, { loggedIn: local.authorized, loggedOut: url.searchParams.has("logged_out"), failure }));
      return;
    }
    if (url.pathname === "/profile" && (method === "GET" || method === "HEAD")) {
      // Flask-Dance's authorization_required: no token → the dance, coming back here.
      if (!local.authorized) return void res.writeHead(302, { location: local.loginUrlFor("/profile") }).end();
      let profile: Record<string, unknown> | undefined;
      let problem: string | undefined;
      try {
        const response = await local.fetch(op.endpoints.userinfo);
        if (response.ok) profile = (await response.json()) as Record<string, unknown>;
        else if (response.status === 401) {
          // The provider keeps tokens in memory: after its restart it no longer knows this one.
          await local.deleteToken();
          problem = "The provider no longer accepts this token (it keeps tokens in memory and may have restarted). Log in again.";
        } else problem = `The userinfo endpoint answered HTTP ${response.status}.`;
      } catch (error) {
        if (isDanceError(error) && error.code === "reauth_required") {
          return void res.writeHead(302, { location: local.loginUrlFor("/profile") }).end();
        }
        problem = isDanceError(error) ? `${error.message} (${error.code})` : "The provider could not be reached.";
      }
      const timeline = timelineView(recorder.current(), recorder.startup);
      send(res, 200, profilePage(ctx, { profile, problem, timeline, userinfoUrl: op.endpoints.userinfo }));
      return;
    }
    if (url.pathname === "/logout" && method === "POST") {
      // Forget the token in this app (its sealed cookie is deleted on this response).
      await local.deleteToken();
      return void res.writeHead(303, { location: "/?logged_out=1" }).end();
    }
    if (url.pathname === "/favicon.ico") return void res.writeHead(204).end();
    send(res, 404, messagePage(ctx, "Not found", `Nothing at ${url.pathname}.`));
  });

  handler = async (req, res) => {
    // The registered redirect_uri and the cookies belong to one origin: send other host names there.
    if (req.headers.host !== appHost) {
      res.writeHead(302, { location: `${appUrl}${req.url?.startsWith("/") ? req.url : "/"}` }).end();
      return;
    }
    let browser = parseCookieHeader(req.headers.cookie).get(BROWSER_COOKIE);
    if (!browser || !/^[\w-]{22}$/.test(browser)) {
      browser = randomBytes(16).toString("base64url");
      res.setHeader("set-cookie", serializeCookie(BROWSER_COOKIE, browser, { maxAge: 7 * 24 * 3600 }));
      // A response that sets a cookie is nobody else's: no shared cache may keep it.
      res.setHeader("cache-control", NO_STORE);
    }
    await recorder.run(browser, () => app(req, res));
  };

  let closing: Promise<void> | undefined;
  return Object.freeze({
    url: appUrl,
    providerUrl: op.issuer,
    dance,
    provider: op,
    client: Object.freeze(client),
    recorder,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await op.close();
      })();
      return closing;
    },
  });
}
