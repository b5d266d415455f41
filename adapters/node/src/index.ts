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
import { DanceConfigError, isDanceError, isValidHost, NO_STORE, setCookieHeader, type Dance, type ProviderSession } from "@dance/core";

/** A plain Node request handler. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
/** Express/Connect middleware. */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

// Per-request state lives on the request/response objects under private symbols: a WeakMap
// entry per request costs the garbage collector more than the rest of the adapter does.
const REQUEST = Symbol("dance.request");
const HOOKED = Symbol("dance.hooked");
type DanceReq = IncomingMessage & { [REQUEST]?: Request };
type DanceRes = ServerResponse & { [HOOKED]?: true };

const BAD_REQUEST = Symbol("dance.badRequest");

/** The client's fault (e.g. an invalid Host header): Express's error handler answers `status`. */
function badRequest(message: string, cause?: unknown): TypeError {
  return Object.assign(new TypeError(message, { cause }), { status: 400, statusCode: 400, expose: true, [BAD_REQUEST]: true });
}

function isBadRequest(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { [BAD_REQUEST]?: boolean })[BAD_REQUEST] === true;
}

/**
 * The web `Request` for a Node request. The same object is returned for the same `req`, so
 * sessions are cached per request. The body is streamed (or rebuilt from a body that a parser
 * such as Express's `urlencoded()` already consumed).
 * @throws {TypeError} with `status: 400` when the Host header or the URL cannot be parsed.
 */
export function toRequest(req: IncomingMessage): Request {
  const cached = (req as DanceReq)[REQUEST];
  if (cached) return cached;
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? localHost(req);
  if (!isValidHost(host)) throw badRequest("invalid Host header");
  const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? "/";
  const url = `${encrypted ? "https" : "http"}://${host}${path.startsWith("/") ? path : `/${path}`}`;
  const method = req.method ?? "GET";
  const raw = req.rawHeaders;
  let request: Request;
  try {
    if (method === "GET" || method === "HEAD") {
      // No body: fill the Request's own headers rather than building a Headers object it would copy.
      request = new Request(url, { method });
      appendRawHeaders(request.headers, raw);
    } else {
      const headers = new Headers();
      appendRawHeaders(headers, raw);
      request = new Request(url, { method, headers, ...bodyOf(req, headers) });
    }
  } catch (cause) {
    throw badRequest("invalid request URL or headers", cause);
  }
  (req as DanceReq)[REQUEST] = request;
  return request;
}

/** HTTP/1.0 without a Host header: the address the request came in on. */
function localHost(req: IncomingMessage): string {
  const address = req.socket.localAddress ?? "127.0.0.1";
  return `${address.includes(":") ? `[${address}]` : address}:${req.socket.localPort ?? 80}`;
}

function appendRawHeaders(headers: Headers, raw: readonly string[]): void {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    // HTTP/2 pseudo-headers are not headers.
    if (name.charCodeAt(0) !== 58) headers.append(name, raw[i + 1]!);
  }
}

function bodyOf(req: IncomingMessage, headers: Headers): { body?: BodyInit; duplex?: "half" } {
  if (!req.readableEnded) return { body: Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>, duplex: "half" };
  // A body parser consumed the stream: rebuild the body from what it left in `req.body`.
  const parsed = (req as { body?: unknown }).body;
  let body: BodyInit | undefined;
  if (typeof parsed === "string") body = parsed;
  else if (parsed instanceof Uint8Array) body = parsed as Uint8Array<ArrayBuffer>;
  else if (parsed && typeof parsed === "object" && /^application\/x-www-form-urlencoded/i.test(headers.get("content-type") ?? "")) {
    const form = new URLSearchParams();
    // Repeated fields arrive as arrays (`state=a&state=b`): keep every value.
    for (const [name, value] of Object.entries(parsed)) for (const item of Array.isArray(value) ? value : [value]) form.append(name, String(item));
    body = form.toString();
  }
  if (body === undefined) return {};
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return { body };
}

/**
 * Write a web `Response` to a `ServerResponse`: status, headers, each `Set-Cookie` as its own
 * header line (after any already set on `res`), streamed body.
 */
export async function sendResponse(res: ServerResponse, response: Response, method = "GET"): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  appendSetCookie(res, response.headers.getSetCookie());
  if (!response.body || method === "HEAD") {
    res.end();
    await response.body?.cancel();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
}

function setCookieList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Add `Set-Cookie` values to `res`, each as its own header line, after those already set. */
function appendSetCookie(res: ServerResponse, cookies: readonly string[]): void {
  if (cookies.length > 0) res.setHeader("set-cookie", [...setCookieList(res.getHeader("set-cookie")), ...cookies]);
}

/**
 * The headers given to `writeHead(status, headers)` when Dance adds cookies: their
 * `Set-Cookie` would replace the ones already set on `res`, so they move onto `res` first;
 * their `Cache-Control` gives way to `private, no-store`. Object or flat-array headers.
 */
function headForCookies(res: ServerResponse, headers: unknown): unknown {
  const isSetCookie = (name: unknown) => String(name).toLowerCase() === "set-cookie";
  const isCacheControl = (name: unknown) => String(name).toLowerCase() === "cache-control";
  if (Array.isArray(headers)) {
    const rest: unknown[] = [];
    for (let i = 0; i < headers.length; i += 2) {
      if (isSetCookie(headers[i])) appendSetCookie(res, setCookieList(headers[i + 1]));
      else if (!isCacheControl(headers[i])) rest.push(headers[i], headers[i + 1]);
    }
    return rest;
  }
  if (!headers || typeof headers !== "object") return headers;
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (isSetCookie(name)) appendSetCookie(res, setCookieList(value));
    else if (!isCacheControl(name)) rest[name] = value;
  }
  return rest;
}

/**
 * Make cookie changes that sessions queue while the app handles `req` (a refreshed token,
 * a logout) reach the browser: they are taken from the request's Dance context just before
 * the response head is written, with `Cache-Control: private, no-store`.
 */
function applyCookiesOnHead(dance: Dance, req: IncomingMessage, res: ServerResponse): void {
  if ((res as DanceRes)[HOOKED]) return;
  (res as DanceRes)[HOOKED] = true;
  const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const request = (req as DanceReq)[REQUEST];
    const changes = request && !this.headersSent ? dance.context(request).takeCookies() : [];
    if (changes.length > 0) {
      const at = typeof args[1] === "string" ? 2 : 1;
      if (args.length > at) args[at] = headForCookies(this, args[at]);
      appendSetCookie(this, changes.map(setCookieHeader));
      this.setHeader("cache-control", NO_STORE);
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

/**
 * The session of `provider` for a Node request. Cookie changes it makes are applied to `res`
 * automatically, as long as the head has not been sent yet.
 */
export async function getSession<Id extends string>(dance: Dance<Id>, req: IncomingMessage, res: ServerResponse, provider: Id): Promise<ProviderSession> {
  applyCookiesOnHead(dance, req, res);
  return dance.session(toRequest(req), provider);
}

function sendBadRequest(res: ServerResponse): void {
  if (res.headersSent) res.end();
  else res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad Request");
}

async function serve(dance: Dance, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let request: Request;
  try {
    request = toRequest(req);
  } catch {
    // An unparsable Host header or URL: the client's fault.
    return sendBadRequest(res);
  }
  // The Response carries the request's cookie changes (taken), so the writeHead hook adds none twice.
  await sendResponse(res, await dance.handler(request), req.method);
}

/** A {@link DanceError} from the app's handler answers its own status (or goes through login again); true when answered. */
async function answerDanceError(dance: Dance, req: IncomingMessage, res: ServerResponse, error: unknown): Promise<boolean> {
  const request = (req as DanceReq)[REQUEST];
  if (!isDanceError(error) || !request || res.headersSent) return false;
  await sendResponse(res, await dance.respond(request, error), req.method);
  return true;
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
      // getSession() on a request with an invalid Host header: the client's fault, not the app's.
      if (isBadRequest(error)) return sendBadRequest(res);
      if (await answerDanceError(dance, req, res, error).catch(() => false)) return;
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
 * `provider` exists, else redirect to its login, coming back to this URL afterwards. An
 * unknown provider id fails here, when the guard is created.
 *
 * @example
 * ```ts
 * app.get("/repos", requireLogin(dance, "github"), handler);
 * ```
 */
export function requireLogin<Id extends string>(dance: Dance<Id>, provider: Id): NodeMiddleware {
  if (!dance.hasProvider(provider)) {
    throw new DanceConfigError(`requireLogin: unknown provider "${provider}"; configured: ${dance.providers.join(", ")}`, { code: "unknown_provider" });
  }
  return (req, res, next) => {
    applyCookiesOnHead(dance, req, res);
    Promise.resolve()
      .then(() => dance.guard(toRequest(req), provider))
      .then((blocked) => (blocked ? sendResponse(res, blocked, req.method) : next()))
      .catch(next);
  };
}

/**
 * Express error middleware: a {@link DanceError} thrown by a route (e.g. `provider_unavailable`
 * from `session.fetch`, `reauth_required` after a refused refresh) answers its own status, or
 * goes through login again; other errors go on to the next error handler.
 *
 * @example
 * ```ts
 * app.use(nodeErrorHandler(dance)); // after your routes
 * ```
 */
export function nodeErrorHandler(dance: Dance): (error: unknown, req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  return (error, req, res, next) => {
    if (isBadRequest(error)) return sendBadRequest(res);
    answerDanceError(dance, req, res, error).then(
      (answered) => answered || next(error),
      () => next(error),
    );
  };
}
