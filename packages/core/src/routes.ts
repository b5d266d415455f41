/**
 * The HTTP face of the dance: which requests are Dance's, and reading a callback.
 *
 * @internal
 * @module
 */
import type { Route, Settings } from "./config.js";
import { DanceError } from "./errors.js";

const MAX_CALLBACK_BODY = 64 * 1024;

/** The route of a path, if any. */
export function routeOf(settings: Settings, pathname: string): Route | undefined {
  return settings.routes.get(pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname);
}

/** True for the paths Dance answers: its routes, and anything under `basePath` (404 there). */
export function isDancePath(settings: Settings, pathname: string): boolean {
  const { basePath } = settings;
  return routeOf(settings, pathname) !== undefined || pathname === basePath || pathname.startsWith(basePath === "/" ? "/" : `${basePath}/`);
}

/** The callback's parameters: the query of a GET, the form body (≤ 64 kB) of a POST (`form_post`). */
export async function callbackParams(request: Request, provider: string): Promise<URLSearchParams> {
  if (request.method === "GET" || request.method === "HEAD") return new URL(request.url).searchParams;
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    throw new DanceError("invalid_callback", "A POST callback must be a form (application/x-www-form-urlencoded).", { provider });
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_CALLBACK_BODY) throw new DanceError("invalid_callback", "The callback body is too large.", { provider });
  return new URLSearchParams(await readLimited(request, MAX_CALLBACK_BODY, provider));
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export function methodNotAllowed(allow: string): Response {
  return new Response("Method Not Allowed", { status: 405, headers: { allow, "content-type": "text/plain; charset=utf-8" } });
}

async function readLimited(request: Request, limit: number, provider: string): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new DanceError("invalid_callback", "The callback body is too large.", { provider });
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
