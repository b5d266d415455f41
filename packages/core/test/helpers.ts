/**
 * Helpers of the security suite: a cookie-carrying "browser" that drives `dance.handler`
 * (a thin wrapper over `@dance/testing`'s `createBrowser`),
 * the fake provider wiring, and the assertions every negative case shares.
 */
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { createDance, type Dance, type DanceConfig } from "@dance/core";
import { oauth2, type OAuth2Options } from "@dance/providers/oauth2";
import { oidc, type OidcOptions } from "@dance/providers/oidc";
import { createBrowser, startFakeProvider, type Browser as TestingBrowser, type CookieStore, type FakeProvider } from "@dance/testing";

/** A secret of the right length for every test Dance. */
export const SECRET = "test-secret-0123456789-abcdefghijklmnop";
/** The app origin of most tests (plain-http loopback development). */
export const APP = "http://localhost:3000";

/** A settable clock shared by Dance (`now`) and the fake provider (id_token `iat`/`exp`). */
export class Clock {
  t = Date.now();
  readonly now = () => this.t;
  advance(seconds: number): void {
    this.t += seconds * 1000;
  }
  reset(): void {
    this.t = Date.now();
  }
}

/** The `Set-Cookie` values of a response. */
export function setCookies(res: Response): string[] {
  return res.headers.getSetCookie();
}

/** The name and value of a `Set-Cookie` value. */
export function cookieNameValue(header: string): { name: string; value: string } {
  const first = header.split(";")[0] ?? "";
  const eq = first.indexOf("=");
  return { name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() };
}

/** True for a `Set-Cookie` that deletes its cookie. */
export function isDeletion(header: string): boolean {
  return /;\s*Max-Age=0(;|$)/i.test(header);
}

/**
 * The cookies a {@link Browser} sends to its origin, by name: the `Map` surface the tests use to
 * read and tamper with them, over the RFC 6265 jar of `@dance/testing`'s client.
 */
export class OriginCookies implements Iterable<[string, string]> {
  constructor(
    readonly jar: CookieStore,
    readonly origin: string,
  ) {}

  get(name: string): string | undefined {
    return this.jar.get(this.origin, name);
  }
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
  /** Tamper: see {@link CookieStore.set}. */
  set(name: string, value: string): this {
    this.jar.set(this.origin, name, value);
    return this;
  }
  delete(name: string): boolean {
    return this.jar.delete(this.origin, name);
  }
  clear(): void {
    this.jar.clear(new URL(this.origin).hostname);
  }
  keys(): IterableIterator<string> {
    return this.jar
      .for(this.origin)
      .map((c) => c.name)
      .values();
  }
  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (const c of this.jar.for(this.origin)) yield [c.name, c.value];
  }
}

/**
 * A browser driving `dance.handler` at `origin`: `@dance/testing`'s `createBrowser` with the
 * app origin served in-process, so cookies follow RFC 6265 (`__Host-` only from a secure
 * context, `Secure` cookies not kept from plain http off loopback, cookies above 4096 bytes
 * dropped). A test that needs to send what a real browser would not passes its own `cookie`
 * header. The jar expires cookies on real time, not on a test {@link Clock}: after
 * `clock.advance()` past a Max-Age the cookie is still sent, which the expiry cases rely on.
 */
export class Browser {
  /** The `@dance/testing` client behind this browser. */
  readonly client: TestingBrowser;
  readonly cookies: OriginCookies;
  constructor(
    readonly dance: Dance,
    readonly origin = APP,
  ) {
    this.client = createBrowser({ handlers: { [origin]: dance.handler } });
    this.cookies = new OriginCookies(this.client.cookies, origin);
  }

  /** The `Cookie` header this browser would send to its origin. */
  cookieHeader(): string {
    return this.client.cookies.header(this.origin);
  }

  /** Build a request carrying this browser's cookies, or the `cookie` header of `init` when it has one. */
  request(pathOrUrl: string | URL, init: RequestInit = {}): Request {
    const url = new URL(pathOrUrl, this.origin);
    return new Headers(init.headers).has("cookie") ? new Request(url, init) : this.client.request(url, init);
  }

  /**
   * Send a request to the handler (a URL of another origin goes over the network) and keep the
   * cookies of the answer. A `cookie` header in `init` is sent instead of the jar's.
   */
  async send(pathOrUrl: string | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(pathOrUrl, this.origin);
    if (!new Headers(init.headers).has("cookie")) return this.client.fetch(url, init);
    return this.client.receive(url, await this.dance.handler(this.request(url, init)));
  }

  /** Apply the `Set-Cookie` values of a response, as if the app origin answered it. */
  keep(res: Response): void {
    this.client.receive(this.origin, res);
  }

  /** Start a login and follow the fake provider's redirect: the callback URL it sends back to. */
  async loginToCallback(path = "/login/fake", init: RequestInit = {}): Promise<URL> {
    const res = await this.send(path, init);
    expect(res.status, await bodyOf(res)).toBe(302);
    return followAuthorize(res.headers.get("location")!);
  }

  /** A whole successful dance; returns the final response. */
  async login(path = "/login/fake"): Promise<Response> {
    const callback = await this.loginToCallback(path);
    return this.send(callback);
  }
}

/** Let the fake provider's authorization endpoint answer, and return where it redirects. */
export async function followAuthorize(authorizationUrl: string): Promise<URL> {
  const back = await fetch(authorizationUrl, { redirect: "manual" });
  expect(back.status).toBe(302);
  return new URL(back.headers.get("location")!);
}

async function bodyOf(res: Response): Promise<string> {
  return res.status === 302 ? "" : await res.clone().text();
}

/** The OpenID provider definition pointed at the fake. */
export function fakeOidc(fake: FakeProvider, options: Partial<OidcOptions> = {}) {
  return oidc({ id: "fake", issuer: fake.issuer, clientId: fake.clientId, clientSecret: fake.clientSecret, ...options });
}

/** A plain OAuth 2 provider definition (no issuer, no id_token) pointed at the fake. */
export function fakeOauth2(fake: FakeProvider, options: Partial<OAuth2Options> = {}) {
  return oauth2({
    id: "plain",
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    authorizationUrl: fake.authorizationEndpoint,
    tokenUrl: fake.tokenEndpoint,
    apiBaseUrl: `${fake.url}/api/`,
    scope: ["read", "write"],
    ...options,
  });
}

/** A Dance with the OpenID provider `fake` (unless `providers` is given). */
export function fakeDance(fake: FakeProvider, config: Partial<DanceConfig> = {}, provider: Partial<OidcOptions> = {}): Dance {
  // Warnings are asserted where they matter (hardening.test.ts), not printed by every test.
  return createDance({ secret: SECRET, providers: [fakeOidc(fake, provider)], warn: () => {}, ...config });
}

/** The transaction cookie of `provider` is deleted by this response. */
export function expectTransactionCleared(res: Response, provider = "fake"): void {
  const name = new RegExp(`^(__Host-)?dance-tx-${provider}=`);
  const cleared = setCookies(res).filter((h) => name.test(h) && isDeletion(h));
  expect(cleared, `a Set-Cookie clearing dance-tx-${provider}, got ${JSON.stringify(setCookies(res))}`).toHaveLength(1);
  expect(cookieNameValue(cleared[0]!).value).toBe("");
}

/** No token cookie of `provider` is written by this response (deletions are fine). */
export function expectNoTokenWritten(res: Response, provider = "fake"): void {
  const name = new RegExp(`^(__Host-)?dance-${provider}(\\.\\d+)?=`);
  const written = setCookies(res).filter((h) => name.test(h) && !isDeletion(h));
  expect(written, "no token cookie written").toEqual([]);
}

/** The token cookie(s) a response writes for `provider`, in order. */
export function tokenCookies(res: Response, provider = "fake"): string[] {
  const name = new RegExp(`^(__Host-)?dance-${provider}(\\.\\d+)?=`);
  return setCookies(res).filter((h) => name.test(h) && !isDeletion(h));
}

/** The error page: status, `x-dance-error`, and the code in the body. */
export async function expectErrorPage(res: Response, status: number, code: string): Promise<string> {
  const body = await res.clone().text();
  expect({ status: res.status, code: res.headers.get("x-dance-error") }, body).toEqual({ status, code });
  expect(res.headers.get("location")).toBeNull();
  expect(body).toContain(code);
  return body;
}

/**
 * What SECURITY.md requires of every negative case: the status and code, nothing stored, the
 * transaction cookie cleared, and (unless the case needs it) the token endpoint not called.
 */
export async function expectRefused(
  res: Response,
  fake: FakeProvider,
  expected: { status: number; code: string; tokenEndpointCalls?: number; provider?: string },
): Promise<string> {
  const body = await expectErrorPage(res, expected.status, expected.code);
  expectTransactionCleared(res, expected.provider);
  expectNoTokenWritten(res, expected.provider);
  expect(fake.tokenRequests).toHaveLength(expected.tokenEndpointCalls ?? 0);
  return body;
}

/** Replace (or remove with `null`) query parameters of a URL. */
export function withParams(url: URL, params: Record<string, string | null>): URL {
  const copy = new URL(url);
  for (const [name, value] of Object.entries(params)) {
    if (value === null) copy.searchParams.delete(name);
    else copy.searchParams.set(name, value);
  }
  return copy;
}

/**
 * Start a fake provider for this test file (reset before each test, closed after the file),
 * on `clock` when given (reset too). The returned object forwards to the running fake.
 */
export function useFakeProvider(clock?: Clock): FakeProvider {
  let running: FakeProvider | undefined;
  beforeAll(async () => {
    running = await startFakeProvider(clock ? { now: clock.now } : {});
  });
  afterAll(() => running?.close());
  beforeEach(() => {
    running!.reset();
    clock?.reset();
  });
  return new Proxy({} as FakeProvider, {
    get(_, key) {
      if (!running) throw new Error("the fake provider is used before beforeAll() started it");
      const value: unknown = Reflect.get(running, key);
      return typeof value === "function" ? value.bind(running) : value;
    },
  });
}
