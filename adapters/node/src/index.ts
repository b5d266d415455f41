/**
 * `@dance/node`: Dance for Node's `http` server, Express and Connect.
 *
 * Node is the one adapter with real work to do: `IncomingMessage` → `Request` (streamed
 * bodies, the original URL under Express mounts), `Response` → `ServerResponse` (every
 * `Set-Cookie` as its own header, streamed bodies), and cookie changes made by sessions
 * in the app's own handlers applied before the response head is written.
 *
 * @example
 * ```ts
 * import http from "node:http";
 * import { toNodeHandler, getSession } from "@dance/node";
 * import { dance } from "./dance.js";
 *
 * http.createServer(toNodeHandler(dance, async (req, res) => {
 *   const github = await getSession(dance, req, res, "github");
 *   if (!github.authorized) return void res.writeHead(302, { location: github.loginUrl }).end();
 *   res.end(JSON.stringify(await (await github.fetch("/user")).json()));
 * })).listen(3000, "127.0.0.1");
 * ```
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Dance, ProviderSession } from "@dance/core";

/** A plain Node request handler. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
/** Express/Connect middleware. */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const requests = new WeakMap<IncomingMessage, Request>();
const hooked = new WeakMap<ServerResponse, { applied: number }>();

/**
 * The web `Request` for a Node request. The same object is returned for the same `req`, so
 * sessions are cached per request. The body is streamed (or rebuilt from a form that
 * Express's `urlencoded()` parser already consumed).
 */
export function toRequest(req: IncomingMessage): Request {
  const cached = requests.get(req);
  if (cached) return cached;
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? `${req.socket.localAddress ?? "127.0.0.1"}:${req.socket.localPort ?? 80}`;
  const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? "/";
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    // HTTP/2 pseudo-headers are not headers.
    if (name.charCodeAt(0) !== 58) headers.append(name, raw[i + 1]!);
  }
  const method = req.method ?? "GET";
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (method !== "GET" && method !== "HEAD") {
    const parsed = (req as { body?: unknown }).body;
    if (req.readableEnded && parsed && typeof parsed === "object") {
      init.body = new URLSearchParams(parsed as Record<string, string>).toString();
      headers.set("content-type", "application/x-www-form-urlencoded");
      headers.delete("content-length");
    } else if (!req.readableEnded) {
      init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
      init.duplex = "half";
    }
  }
  const request = new Request(`${encrypted ? "https" : "http"}://${host}${path.startsWith("/") ? path : `/${path}`}`, init);
  requests.set(req, request);
  return request;
}

/** Write a web `Response` to a `ServerResponse`: status, headers, each `Set-Cookie` separately, streamed body. */
export async function sendResponse(res: ServerResponse, response: Response, method = "GET"): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) appendSetCookie(res, cookies);
  if (!response.body || method === "HEAD") {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
}

function appendSetCookie(res: ServerResponse, cookies: readonly string[]): void {
  const existing = res.getHeader("set-cookie");
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader("set-cookie", [...list, ...cookies]);
}

/**
 * Make cookie changes that sessions queue while the app handles `req` (a refreshed token,
 * a logout) reach the browser: they are added just before the response head is written.
 */
function applyCookiesOnHead(dance: Dance, req: IncomingMessage, res: ServerResponse): void {
  if (hooked.has(res)) return;
  const state = { applied: 0 };
  hooked.set(res, state);
  const request = toRequest(req);
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const pending = dance.pendingCookies(request);
    if (pending.length > state.applied && !this.headersSent) {
      appendSetCookie(this, pending.slice(state.applied));
      state.applied = pending.length;
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}

/**
 * The session of `provider` for a Node request. Cookie changes it makes are applied to `res`
 * automatically, as long as the head has not been sent yet.
 */
export async function getSession(dance: Dance, req: IncomingMessage, res: ServerResponse, provider: string): Promise<ProviderSession> {
  applyCookiesOnHead(dance, req, res);
  return dance.session(toRequest(req), provider);
}

/** Send a Response Dance built for `req`: it already carries the request's queued cookies. */
async function sendDanceResponse(dance: Dance, req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const state = hooked.get(res);
  if (state) state.applied = dance.pendingCookies(toRequest(req)).length;
  await sendResponse(res, response, req.method);
}

async function serve(dance: Dance, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let request: Request;
  try {
    request = toRequest(req);
  } catch {
    // An unparsable Host header or URL: the client's fault.
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad Request");
    return;
  }
  await sendDanceResponse(dance, req, res, await dance.handler(request));
}

function pathOf(req: IncomingMessage): string {
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? "/";
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /** Called with errors thrown by the fallback handler (a bug in the app). Default: `console.error`. */
  onError?: (error: unknown, req: IncomingMessage) => void;
}

/**
 * A Node `http` handler: Dance's routes, and everything else to `fallback` (404 without one).
 *
 * @example
 * ```ts
 * http.createServer(toNodeHandler(dance, app)).listen(3000, "127.0.0.1");
 * ```
 */
export function toNodeHandler(dance: Dance, fallback?: NodeHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const onError = options.onError ?? ((error: unknown) => console.error("[dance] unhandled error", error));
  return async (req, res) => {
    try {
      if (dance.matches(pathOf(req))) return await serve(dance, req, res);
      if (!fallback) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not Found");
        return;
      }
      applyCookiesOnHead(dance, req, res);
      await fallback(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end();
      onError(error, req);
    }
  };
}

/**
 * Express/Connect middleware: serves Dance's routes, and lets sessions in later handlers
 * apply their cookie changes automatically.
 *
 * @example
 * ```ts
 * app.use(nodeMiddleware(dance));
 * app.get("/", requireLogin(dance, "github"), async (req, res) => {
 *   const github = await getSession(dance, req, res, "github");
 *   res.json(await (await github.fetch("/user")).json());
 * });
 * ```
 */
export function nodeMiddleware(dance: Dance): NodeMiddleware {
  return (req, res, next) => {
    if (!dance.matches(pathOf(req))) {
      applyCookiesOnHead(dance, req, res);
      next();
      return;
    }
    serve(dance, req, res).catch(next);
  };
}

/**
 * Express/Connect guard (Flask-Dance's `authorization_required`): continue when a token for
 * `provider` exists, else redirect to its login, coming back to this URL afterwards.
 */
export function requireLogin(dance: Dance, provider: string): NodeMiddleware {
  return (req, res, next) => {
    dance
      .guard(toRequest(req), provider)
      .then((blocked) => {
        if (blocked) return sendDanceResponse(dance, req, res, blocked);
        applyCookiesOnHead(dance, req, res);
        next();
      })
      .catch(next);
  };
}
