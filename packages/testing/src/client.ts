/**
 * A small cookie-keeping HTTP client that behaves like a browser where OAuth tests care:
 * it keeps cookies (RFC 6265: Path, Max-Age/Expires deletions, Secure, `__Host-`/`__Secure-`
 * prefixes), never follows redirects on its own, and can send some origins to an in-process
 * handler (your app) while everything else goes over real HTTP (the provider).
 *
 * @module
 */
import { isLoopbackHost } from "@dance/core";

/**
 * A cookie as the {@link CookieStore} keeps it.
 *
 * @example
 * ```ts
 * const token: StoredCookie | undefined = browser.cookies.for("http://127.0.0.1:3000/").find((c) => c.name === "dance-local");
 * expect(token?.httpOnly).toBe(true);
 * ```
 */
export interface StoredCookie {
  name: string;
  value: string;
  /** The host it belongs to (a host-only cookie) or the `Domain` it was set for. */
  domain: string;
  /** False when a `Domain` attribute widened it to subdomains. */
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  /** As sent, e.g. `Lax`; not enforced by this client. */
  sameSite: string | undefined;
  /** Milliseconds since the epoch; undefined for a session cookie. */
  expiresAt: number | undefined;
  /** Creation order, kept when a cookie is replaced (RFC 6265 §5.3, §5.4). */
  createdAt: number;
}

/** Browsers store at most about 4096 bytes of name + value per cookie and drop bigger ones. */
const MAX_COOKIE_BYTES = 4096;

/** https, or loopback http: where browsers accept and send `Secure` cookies. */
function isSecureContext(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
}

function defaultPath(url: URL): string {
  const path = url.pathname;
  if (!path.startsWith("/")) return "/";
  const last = path.lastIndexOf("/");
  return last <= 0 ? "/" : path.slice(0, last);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}

function isIpAddress(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith("[");
}

function domainMatches(hostname: string, domain: string): boolean {
  if (hostname === domain) return true;
  return !isIpAddress(hostname) && hostname.endsWith(`.${domain}`);
}

function toUrl(url: string | URL): URL {
  return typeof url === "string" ? new URL(url) : url;
}

/**
 * The cookies of one {@link Browser}. Like a browser (RFC 6265 §8.5), cookies belong to a
 * host, not to a port: the app on `127.0.0.1:3000` and the provider on `127.0.0.1:4000` see
 * each other's cookies, as they would in the demo.
 *
 * @example
 * ```ts
 * const jar = new CookieStore();
 * jar.store("http://127.0.0.1:3000/login/local", ["dance-tx-local=abc; Path=/; HttpOnly; Max-Age=600"]);
 * jar.header("http://127.0.0.1:3000/login/local/authorized"); // "dance-tx-local=abc"
 * jar.store("http://127.0.0.1:3000/", ["dance-tx-local=; Path=/; Max-Age=0"]);
 * jar.get("http://127.0.0.1:3000/", "dance-tx-local"); // undefined
 * ```
 */
export class CookieStore {
  readonly #cookies: StoredCookie[] = [];
  readonly #now: () => number;
  #counter = 0;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  /**
   * Store the `Set-Cookie` values of a response to a request for `url` (a Response, its
   * Headers, or the raw values). Values a browser would refuse are ignored, as a browser does.
   * Returns the names that were refused, to help debugging.
   */
  store(url: string | URL, setCookie: Response | Headers | string | readonly string[]): string[] {
    const values =
      setCookie instanceof Response
        ? setCookie.headers.getSetCookie()
        : setCookie instanceof Headers
          ? setCookie.getSetCookie()
          : typeof setCookie === "string"
            ? [setCookie]
            : setCookie;
    const refused: string[] = [];
    for (const value of values) {
      const name = this.#storeOne(toUrl(url), value);
      if (name !== undefined) refused.push(name);
    }
    return refused;
  }

  /** Returns the cookie name when it was refused, undefined when stored (or deleted). */
  #storeOne(url: URL, header: string): string | undefined {
    const [pair = "", ...attributes] = header.split(";");
    const eq = pair.indexOf("=");
    if (eq <= 0) return pair.trim() || "(nameless)";
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (name === "" || new TextEncoder().encode(name + value).length > MAX_COOKIE_BYTES) return name || "(nameless)";

    const now = this.#now();
    let expiresAt: number | undefined;
    let maxAgeSeen = false;
    let domain: string | undefined;
    let path: string | undefined;
    let secure = false;
    let httpOnly = false;
    let sameSite: string | undefined;
    for (const attribute of attributes) {
      const i = attribute.indexOf("=");
      const key = (i === -1 ? attribute : attribute.slice(0, i)).trim().toLowerCase();
      const val = i === -1 ? "" : attribute.slice(i + 1).trim();
      switch (key) {
        case "max-age": {
          if (!/^-?\d+$/.test(val)) break;
          maxAgeSeen = true;
          const seconds = Number(val);
          expiresAt = seconds <= 0 ? 0 : now + seconds * 1000;
          break;
        }
        case "expires": {
          if (maxAgeSeen) break; // Max-Age wins (RFC 6265 §5.3 step 3).
          const at = Date.parse(val);
          if (!Number.isNaN(at)) expiresAt = at;
          break;
        }
        case "domain":
          domain = val.replace(/^\./, "").toLowerCase() || undefined;
          break;
        case "path":
          path = val.startsWith("/") ? val : undefined;
          break;
        case "secure":
          secure = true;
          break;
        case "httponly":
          httpOnly = true;
          break;
        case "samesite":
          sameSite = val;
          break;
      }
    }

    const hostname = url.hostname.toLowerCase();
    if (domain !== undefined && !domainMatches(hostname, domain)) return name;
    if (secure && !isSecureContext(url)) return name;
    const lower = name.toLowerCase();
    // Cookie prefixes (RFC 6265bis §4.1.3): browsers refuse cookies that break their promise.
    if (lower.startsWith("__secure-") && !(secure && isSecureContext(url))) return name;
    if (lower.startsWith("__host-") && !(secure && isSecureContext(url) && domain === undefined && path === "/")) return name;

    const cookie: StoredCookie = {
      name,
      value,
      domain: domain ?? hostname,
      hostOnly: domain === undefined,
      path: path ?? defaultPath(url),
      secure,
      httpOnly,
      sameSite,
      expiresAt,
      createdAt: this.#counter++,
    };
    const existing = this.#cookies.findIndex((c) => c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path);
    if (existing !== -1) {
      cookie.createdAt = this.#cookies[existing]!.createdAt;
      this.#cookies.splice(existing, 1);
    }
    if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) return undefined; // a deletion
    this.#cookies.push(cookie);
    return undefined;
  }

  #live(): StoredCookie[] {
    const now = this.#now();
    for (let i = this.#cookies.length - 1; i >= 0; i--) {
      const expiresAt = this.#cookies[i]!.expiresAt;
      if (expiresAt !== undefined && expiresAt <= now) this.#cookies.splice(i, 1);
    }
    return this.#cookies;
  }

  /** The cookies a request to `url` carries, most specific path first (RFC 6265 §5.4). */
  for(url: string | URL): StoredCookie[] {
    const u = toUrl(url);
    const hostname = u.hostname.toLowerCase();
    const secure = isSecureContext(u);
    return this.#live()
      .filter((c) => (c.hostOnly ? c.domain === hostname : domainMatches(hostname, c.domain)))
      .filter((c) => pathMatches(u.pathname || "/", c.path))
      .filter((c) => !c.secure || secure)
      .sort((a, b) => b.path.length - a.path.length || a.createdAt - b.createdAt);
  }

  /** The `Cookie` header for a request to `url` ("" when there is none). */
  header(url: string | URL): string {
    return this.for(url)
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  /** The value of cookie `name` as a request to `url` would carry it. */
  get(url: string | URL, name: string): string | undefined {
    return this.for(url).find((c) => c.name === name)?.value;
  }

  /**
   * Tamper with the jar, as a security test does (a planted, corrupted or restored cookie):
   * the cookie `name` that a request to `url` carries gets `value` and keeps its attributes;
   * when there is none, a host-only session cookie with `Path=/` and no other attribute is
   * added. This is not a `Set-Cookie`: no browser rule (prefixes, `Secure`, size) applies —
   * use {@link CookieStore.store} for what a server sends.
   *
   * @example
   * ```ts
   * jar.set("http://127.0.0.1:3000/", "dance-local", "tampered");
   * jar.header("http://127.0.0.1:3000/profile"); // "dance-local=tampered"
   * ```
   */
  set(url: string | URL, name: string, value: string): void {
    const u = toUrl(url);
    const existing = this.for(u).find((c) => c.name === name);
    if (existing) {
      existing.value = value;
      return;
    }
    const domain = u.hostname.toLowerCase();
    this.#cookies.push({ name, value, domain, hostOnly: true, path: "/", secure: false, httpOnly: false, sameSite: undefined, expiresAt: undefined, createdAt: this.#counter++ });
  }

  /**
   * Forget cookie `name` wherever a request to `url` would carry it (every matching path and
   * domain), as a test of a lost or missing cookie does. Returns whether there was one.
   *
   * @example
   * ```ts
   * jar.delete("http://127.0.0.1:3000/", "dance-local.1"); // a chunk of a big token goes missing
   * ```
   */
  delete(url: string | URL, name: string): boolean {
    const doomed = new Set(this.for(url).filter((c) => c.name === name));
    for (let i = this.#cookies.length - 1; i >= 0; i--) {
      if (doomed.has(this.#cookies[i]!)) this.#cookies.splice(i, 1);
    }
    return doomed.size > 0;
  }

  /** Every live cookie (copies). */
  all(): StoredCookie[] {
    return this.#live().map((c) => ({ ...c }));
  }

  /** Forget every cookie, or those of one host. */
  clear(hostname?: string): void {
    for (let i = this.#cookies.length - 1; i >= 0; i--) {
      if (hostname === undefined || this.#cookies[i]!.domain === hostname.toLowerCase()) this.#cookies.splice(i, 1);
    }
  }
}

/**
 * A request handler that serves one origin in-process, e.g. `dance.handler` or `app.fetch`.
 *
 * @example
 * ```ts
 * const app: InProcessHandler = (request) => (dance.matches(request) ? dance.handler(request) : new Response("home"));
 * createBrowser({ handlers: { "http://127.0.0.1:3000": app } });
 * ```
 */
export type InProcessHandler = (request: Request) => Response | Promise<Response>;

/**
 * Options of {@link createBrowser}.
 *
 * @example
 * ```ts
 * createBrowser({ handlers: { "http://127.0.0.1:3000": dance.handler }, headers: { accept: "text/html" } });
 * ```
 */
export interface BrowserOptions {
  /**
   * Origins served in-process instead of over the network: `{ "http://127.0.0.1:3000": dance.handler }`.
   * Requests to them are plain `Request` objects handed to the handler; cookies work the same.
   */
  handlers?: Readonly<Record<string, InProcessHandler>>;
  /** The fetch for every other origin. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Headers sent with every request (e.g. `accept`). A `cookie` here is ignored: the jar owns it. */
  headers?: HeadersInit;
  /** The clock for cookie expiry. Default `Date.now`. */
  now?: () => number;
}

/**
 * Options of {@link Browser.followRedirects}.
 *
 * @example
 * ```ts
 * // Stop at the provider's redirect back to the app, without following it.
 * await browser.followRedirects(start, { until: (url) => url.pathname === "/login/local/authorized", maxHops: 5 });
 * ```
 */
export interface FollowOptions {
  /** Stop before following a redirect whose target satisfies this; that redirect is returned. */
  until?: (location: URL, response: Response) => boolean;
  /** At most this many hops (default 20); one more throws. */
  maxHops?: number;
}

/**
 * A form body: fields in order.
 *
 * @example
 * ```ts
 * await browser.post(url, { login: "ada", password: "any" });
 * await browser.post(url, [["scope", "a"], ["scope", "b"]]); // repeated names
 * ```
 */
export type FormInput = URLSearchParams | Readonly<Record<string, string>> | readonly (readonly [string, string])[];

/**
 * What {@link createBrowser} returns.
 *
 * @example
 * ```ts
 * const browser: Browser = createBrowser({ handlers: { [app]: dance.handler } });
 * const session = await dance.session(browser.request(`${app}/profile`), "local");
 * browser.receive(`${app}/profile`, session.commit(new Response("ok")));
 * ```
 */
export interface Browser {
  /** The cookie jar (inspect it, or store cookies from a Response you built yourself). */
  readonly cookies: CookieStore;
  /** One request: the jar's cookies are sent, `Set-Cookie` is stored, redirects are not followed. */
  fetch(url: string | URL, init?: RequestInit): Promise<Response>;
  /** `GET url`. */
  get(url: string | URL, init?: RequestInit): Promise<Response>;
  /** `POST url` with an `application/x-www-form-urlencoded` body. */
  post(url: string | URL, form: FormInput, init?: RequestInit): Promise<Response>;
  /**
   * Follow one redirect: `GET` the `Location` (303, 301, 302), or repeat the method and body
   * (307, 308). Throws when `response` is not a redirect.
   */
  follow(response: Response): Promise<Response>;
  /** Follow redirects until a non-redirect, or until `options.until` says stop. `start` may be a URL to `GET` first. */
  followRedirects(start: Response | string | URL, options?: FollowOptions): Promise<Response>;
  /** The URL a response of this browser answered. */
  urlOf(response: Response): URL;
  /** The absolute `Location` of a redirect response of this browser, or undefined. */
  locationOf(response: Response): URL | undefined;
  /** A `Request` carrying this browser's cookies, to call a handler or `dance.session()` directly. */
  request(url: string | URL, init?: RequestInit): Request;
  /** Store the `Set-Cookie` headers of a Response the test built (e.g. `session.commit(...)`), as if `url` answered it. */
  receive(url: string | URL, response: Response): Response;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Sent {
  url: URL;
  method: string;
  body: string | undefined;
  contentType: string | null;
}

function formBody(form: FormInput): string {
  if (form instanceof URLSearchParams) return form.toString();
  const entries = Array.isArray(form) ? (form as readonly (readonly [string, string])[]) : Object.entries(form as Record<string, string>);
  return new URLSearchParams(entries.map(([k, v]) => [k, v] as [string, string])).toString();
}

/**
 * A cookie-keeping client for driving an OAuth dance over real loopback HTTP, hop by hop.
 * Cookies follow RFC 6265 (see {@link CookieStore}); `SameSite` is recorded but not enforced:
 * every request counts as a same-site, top-level navigation.
 *
 * @example
 * ```ts
 * import { createBrowser, loginAtProvider } from "@dance/testing";
 *
 * const browser = createBrowser({ handlers: { "http://127.0.0.1:3000": dance.handler } });
 * const login = await browser.get("http://127.0.0.1:3000/login/local?next=/me");
 * expect(login.status).toBe(302);
 * const { response } = await loginAtProvider(browser, browser.locationOf(login)!, { login: "ada" });
 * const done = await browser.follow(response); // the callback, served by dance.handler
 * expect(done.headers.get("location")).toBe("/me");
 * ```
 */
export function createBrowser(options: BrowserOptions = {}): Browser {
  const cookies = new CookieStore({ now: options.now });
  const network = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const handlers = new Map<string, InProcessHandler>();
  for (const [origin, handler] of Object.entries(options.handlers ?? {})) handlers.set(new URL(origin).origin, handler);
  const sent = new WeakMap<Response, Sent>();

  function headersFor(url: URL, init?: RequestInit): Headers {
    const headers = new Headers(options.headers);
    for (const [k, v] of new Headers(init?.headers)) headers.set(k, v);
    headers.delete("cookie");
    const cookie = cookies.header(url);
    if (cookie) headers.set("cookie", cookie);
    return headers;
  }

  function request(url: string | URL, init?: RequestInit): Request {
    const u = new URL(url);
    return new Request(u, { ...init, headers: headersFor(u, init), redirect: "manual" });
  }

  async function doFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const u = new URL(url);
    const method = (init.method ?? "GET").toUpperCase();
    const body = typeof init.body === "string" ? init.body : init.body instanceof URLSearchParams ? init.body.toString() : undefined;
    if (init.body != null && body === undefined) throw new TypeError("browser.fetch: only string or URLSearchParams bodies are supported");
    const headers = headersFor(u, init);
    if (init.body instanceof URLSearchParams && !headers.has("content-type")) headers.set("content-type", "application/x-www-form-urlencoded");
    const handler = handlers.get(u.origin);
    const requestInit: RequestInit = { ...init, method, headers, redirect: "manual", ...(body === undefined ? {} : { body }) };
    const response = handler ? await handler(new Request(u, requestInit)) : await network(u, requestInit);
    cookies.store(u, response);
    sent.set(response, { url: u, method, body, contentType: headers.get("content-type") });
    return response;
  }

  function urlOf(response: Response): URL {
    const known = sent.get(response);
    if (known) return known.url;
    if (response.url) return new URL(response.url);
    throw new TypeError("browser.urlOf: this response did not come from this browser");
  }

  function locationOf(response: Response): URL | undefined {
    if (!REDIRECTS.has(response.status)) return undefined;
    const location = response.headers.get("location");
    if (location === null) return undefined;
    return new URL(location, urlOf(response));
  }

  async function follow(response: Response): Promise<Response> {
    const target = locationOf(response);
    if (!target) throw new TypeError(`browser.follow: HTTP ${response.status} is not a redirect with a Location`);
    if (!response.bodyUsed) await response.body?.cancel().catch(() => undefined);
    const previous = sent.get(response);
    if ((response.status === 307 || response.status === 308) && previous && previous.method !== "GET" && previous.method !== "HEAD") {
      return doFetch(target, {
        method: previous.method,
        ...(previous.body === undefined ? {} : { body: previous.body }),
        headers: previous.contentType ? { "content-type": previous.contentType } : {},
      });
    }
    return doFetch(target);
  }

  const browser: Browser = {
    cookies,
    fetch: doFetch,
    get: (url, init) => doFetch(url, { ...init, method: "GET" }),
    post: (url, form, init) =>
      doFetch(url, {
        ...init,
        method: "POST",
        body: formBody(form),
        headers: { "content-type": "application/x-www-form-urlencoded", ...Object.fromEntries(new Headers(init?.headers)) },
      }),
    follow,
    async followRedirects(start, followOptions = {}) {
      const maxHops = followOptions.maxHops ?? 20;
      let response = start instanceof Response ? start : await doFetch(start);
      for (let hops = 0; ; hops++) {
        const next = locationOf(response);
        if (!next || followOptions.until?.(next, response)) return response;
        if (hops >= maxHops) throw new Error(`browser.followRedirects: more than ${maxHops} redirects (last: ${next.href})`);
        response = await follow(response);
      }
    },
    urlOf,
    locationOf,
    request,
    receive(url, response) {
      const u = new URL(url);
      cookies.store(u, response);
      if (!sent.has(response)) sent.set(response, { url: u, method: "GET", body: undefined, contentType: null });
      return response;
    },
  };
  return Object.freeze(browser);
}

/**
 * Options of {@link loginAtProvider}.
 *
 * @example
 * ```ts
 * await loginAtProvider(browser, authorizationUrl, { login: "grace", consent: false }); // → error=access_denied
 * ```
 */
export interface ProviderLoginOptions {
  /** The login name to type into the provider's login form. Default `"ada"`. */
  login?: string;
  /** The password to type (oidc-provider's dev login ignores it). Default `"any"`. */
  password?: string;
  /** Approve the consent page (default), or press its Cancel link (→ `error=access_denied`). */
  consent?: boolean;
  /** At most this many pages (default 10). */
  maxSteps?: number;
}

/**
 * What {@link loginAtProvider} returns.
 *
 * @example
 * ```ts
 * const { response, callbackUrl }: ProviderLoginResult = await loginAtProvider(browser, authorizationUrl);
 * expect(callbackUrl.searchParams.get("code")).toBeTruthy();
 * const done = await browser.follow(response);
 * ```
 */
export interface ProviderLoginResult {
  /** The provider's redirect to the app's callback (not followed yet): pass it to `browser.follow`. */
  response: Response;
  /** The callback URL with `code`, `state`, `iss` (or `error`). */
  callbackUrl: URL;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[match[1]!.toLowerCase()] = decodeHtml(match[2] ?? match[3] ?? "");
  }
  return out;
}

interface PageForm {
  action: URL;
  fields: Map<string, string>;
}

function findPostForm(html: string, base: URL): PageForm | undefined {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const attrs = attributes(form[1]!);
  if ((attrs.method ?? "get").toLowerCase() !== "post") return undefined;
  const fields = new Map<string, string>();
  for (const input of form[2]!.matchAll(/<input\b([^>]*)>/gi)) {
    const a = attributes(input[1]!);
    if (a.type?.toLowerCase() === "hidden" && a.name) fields.set(a.name, a.value ?? "");
  }
  return { action: new URL(attrs.action ?? "", base), fields };
}

function pageSummary(html: string): string {
  return decodeHtml(html.replace(/<style[\s\S]*?<\/style>/gi, "").replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300);
}

/**
 * Log in at an `oidc-provider` with its built-in (dev) interaction pages, over HTTP, the way a
 * person would: open the authorization URL, fill in the login form, approve (or cancel) the
 * consent page, and stop at the redirect back to the app's `redirect_uri` — which is returned,
 * not followed, so the test decides how the app receives it.
 *
 * Works whether or not the provider already has a session or a grant (pages it skips are
 * simply not seen). Throws with the page's text when the provider shows an error page.
 *
 * @example
 * ```ts
 * const start = await browser.get(`${app}/login/local`);
 * const { response, callbackUrl } = await loginAtProvider(browser, browser.locationOf(start)!, { login: "ada" });
 * expect(callbackUrl.searchParams.get("iss")).toBe(op.issuer);
 * const done = await browser.follow(response);
 * ```
 * @see https://github.com/panva/node-oidc-provider/blob/main/docs/README.md#featuresdevinteractions
 */
export async function loginAtProvider(browser: Browser, authorizationUrl: string | URL, options: ProviderLoginOptions = {}): Promise<ProviderLoginResult> {
  const start = new URL(authorizationUrl);
  const redirectUri = start.searchParams.get("redirect_uri");
  if (!redirectUri) throw new TypeError("loginAtProvider: the authorization URL has no redirect_uri");
  const callback = new URL(redirectUri);
  const isCallback = (url: URL) => url.origin === callback.origin && url.pathname === callback.pathname;
  const maxSteps = options.maxSteps ?? 10;

  let response = await browser.get(start);
  for (let step = 0; step < maxSteps; step++) {
    response = await browser.followRedirects(response, { until: isCallback });
    const location = browser.locationOf(response);
    if (location && isCallback(location)) return { response, callbackUrl: location };
    const pageUrl = browser.urlOf(response);
    const html = await response.text();
    if (response.status !== 200) {
      throw new Error(`loginAtProvider: ${pageUrl.href} answered HTTP ${response.status}: ${pageSummary(html)}`);
    }
    const form = findPostForm(html, pageUrl);
    const prompt = form?.fields.get("prompt");
    if (form && prompt === "login") {
      response = await browser.post(form.action, [...form.fields, ["login", options.login ?? "ada"], ["password", options.password ?? "any"]]);
    } else if (form && prompt === "consent") {
      if (options.consent === false) {
        const cancel = [...html.matchAll(/<a\b([^>]*)>/gi)].map((a) => attributes(a[1]!).href).find((href) => href && /\/abort$/.test(href));
        if (!cancel) throw new Error(`loginAtProvider: no Cancel link on the consent page at ${pageUrl.href}`);
        response = await browser.get(new URL(cancel, pageUrl));
      } else {
        response = await browser.post(form.action, [...form.fields]);
      }
    } else {
      throw new Error(`loginAtProvider: ${pageUrl.href} is neither a login nor a consent page: ${pageSummary(html)}`);
    }
  }
  throw new Error(`loginAtProvider: no redirect to ${callback.origin}${callback.pathname} after ${maxSteps} pages`);
}
