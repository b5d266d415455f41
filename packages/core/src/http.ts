/**
 * Small HTTP helpers: the app origin, redirect targets, error responses.
 *
 * @internal
 * @module
 */
import { DanceError, escapeHtml } from "./errors.js";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * True for loopback host names, where plain http and non-Secure cookies are allowed in
 * development.
 *
 * @example
 * ```ts
 * isLoopbackHost(new URL("http://127.0.0.1:3000").hostname); // true
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname) || hostname.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(hostname);
}

// RFC 9110 §7.2: uri-host [ ":" port ]. Anything else (spaces, "/", "?", "#", "@", "\\") would
// change what a URL built from it means.
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(?::[0-9]{1,5})?$/;

/**
 * True when a `Host` header is a valid `uri-host [ ":" port ]` (RFC 9110 §7.2): what adapters
 * check before they build a request URL from it, so a header with a "/", "?", "@" or a space
 * is refused (400) instead of changing what the URL means.
 *
 * @example
 * ```ts
 * isValidHost("app.example.com:8443"); // true
 * isValidHost("evil.com/x?"); // false
 * ```
 */
export function isValidHost(host: string): boolean {
  return HOST.test(host);
}

/** The public origin of the app for this request. `X-Forwarded-*` only with `trustProxy`. */
export function appOrigin(request: Request, baseUrl: string | undefined, trustProxy: boolean): string {
  if (baseUrl) return baseUrl;
  const url = new URL(request.url);
  if (trustProxy) {
    const proto = firstHeaderValue(request.headers.get("x-forwarded-proto"));
    const host = firstHeaderValue(request.headers.get("x-forwarded-host"));
    if (proto || host) {
      try {
        const forwarded = new URL(`${proto === "http" || proto === "https" ? proto : url.protocol.slice(0, -1)}://${host ?? url.host}`);
        if (forwarded.username === "" && forwarded.password === "" && forwarded.pathname === "/") return forwarded.origin;
      } catch {
        // An unparsable forwarded host: ignore it and use the request's own origin.
      }
    }
  }
  return url.origin;
}

function firstHeaderValue(value: string | null): string | undefined {
  if (!value) return undefined;
  const first = value.split(",")[0]?.trim();
  return first ? first.toLowerCase() : undefined;
}

/**
 * Check a redirect target by parsing it. Accepts a same-origin relative path (`/dash?x=1`) or
 * an absolute http(s) URL whose origin is the app's or in `allowedOrigins`. Anything else —
 * `//evil.com`, `/\evil.com`, `https://app@evil.com`, `javascript:` — gives `undefined`.
 * Returns the path (same origin) or the absolute URL to redirect to.
 */
export function safeRedirectTarget(
  value: string | null | undefined,
  origin: string,
  allowedOrigins: ReadonlySet<string>,
): string | undefined {
  if (!value || value.length > 2048) return undefined;
  // Backslashes and control characters are normalised by browsers into something else: refuse.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.username !== "" || url.password !== "") return undefined;
  const relative = value.startsWith("/") && !value.startsWith("//");
  if (relative) return url.origin === origin ? url.pathname + url.search + url.hash : undefined;
  if (url.origin === origin || allowedOrigins.has(url.origin)) return url.href;
  return undefined;
}

/** A redirect with no caching. `location` may be relative. */
export function redirect(location: string, status = 302): Response {
  return new Response(null, { status, headers: { location, "cache-control": "no-store" } });
}

/** The default failure page: HTML for browsers, JSON for API clients. Text is escaped. */
export function errorPage(error: DanceError, request: Request): Response {
  // Configuration and programming errors are for the operator's log, not for the browser.
  const message = error.expose ? error.message : "This login is not set up correctly. The site's operator has been told why.";
  const body = { error: error.code, message, provider: error.provider };
  const accept = request.headers.get("accept") ?? "";
  if (accept.includes("application/json") && !accept.includes("text/html")) {
    return Response.json(body, { status: error.status, headers: { "cache-control": "no-store", "x-dance-error": error.code } });
  }
  const html = `<!doctype html><meta charset="utf-8"><title>Login failed</title>
<main style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto">
<h1>Login failed</h1><p>${escapeHtml(message)}</p>
<p><small>Error code: <code>${escapeHtml(error.code)}</code>${error.provider ? ` · provider <code>${escapeHtml(error.provider)}</code>` : ""}</small></p>
<p><a href="/">Back</a></p></main>`;
  return new Response(html, {
    status: error.status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-dance-error": error.code },
  });
}
