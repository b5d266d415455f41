/**
 * One scenario suite for every token storage, run against real servers: Flask-Dance's
 * SQLAlchemy scenarios (tests/consumer/storage/test_sqla.py) ported to Dance, plus encryption at
 * rest and rotation, refresh across instances, a database that goes away mid-request, and a row
 * sealed with a secret the app does not have. Each backend file calls {@link storageScenarios}.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDance, type Dance, type DanceConfig, type DanceError, type ErrorEvent, type Token, type TokenStorage } from "@dance/core";
import { oidc } from "@dance/providers/oidc";
import { createBrowser, startFakeProvider, type Browser, type FakeProvider } from "@dance/testing";

export const APP = "http://127.0.0.1:3000";
export const SECRET = "storage-secret-0123456789-abcdefghijklmnop";
export const NEW_SECRET = "storage-secret-new-0123456789-abcdefghijk";
export const OTHER_SECRET = "a-secret-this-app-never-had-0123456789abc";

/** A stored entry, as the backend sees it. */
export interface Entry {
  provider: string;
  /** The user id, or null for a token without a user (SQL) or kept per browser session (KV). */
  user: string | null;
  /** The stored value, as it is at rest. */
  raw: string;
}

/** What the storage packages add to `TokenStorage` that the scenarios use. */
export type ScenarioStorage = TokenStorage & {
  assign(request: Request, provider: string, assignment: { userId: string | number; providerUserId?: string | number }): void;
};

/** A storage made for one test, over its own table or key prefix. */
export interface Made {
  storage: ScenarioStorage;
  /** Every stored entry, sorted by provider then user. */
  entries(): Promise<Entry[]>;
  /** Another storage object over the same database (another connection or client): a second app instance. */
  twin(): Promise<ScenarioStorage>;
  /** SQL statements sent so far (SQL backends). */
  queries?(): number;
  /** The database goes away (connections reset, new ones refused) … */
  cut?(): Promise<void>;
  /** … and comes back. */
  restore?(): Promise<void>;
}

/** A storage backend under test. */
export interface Backend {
  name: string;
  /** `sql`: tokens without a user are the app's own (one row); `kv`: they are kept per browser session. */
  kind: "sql" | "kv";
  /** Whether the storage can lock across instances (`withLock`). */
  locks: boolean;
  /** A fresh storage with these options (`user`, `userRequired`, `cache`, `encrypt`, `warn`, …). */
  create(options?: Record<string, unknown>): Promise<Made>;
}

/** A cache (the unstorage surface) that counts hits and misses. */
export class CountingCache {
  readonly #items = new Map<string, string>();
  hits = 0;
  misses = 0;
  get size(): number {
    return this.#items.size;
  }
  async getItem(key: string): Promise<string | null> {
    const value = this.#items.get(key);
    if (value === undefined) this.misses++;
    else this.hits++;
    return value ?? null;
  }
  async setItem(key: string, value: string): Promise<void> {
    this.#items.set(key, value);
  }
  async removeItem(key: string): Promise<void> {
    this.#items.delete(key);
  }
}

/** A settable clock shared by Dance and the fake provider. */
class Clock {
  t = Date.now();
  readonly now = () => this.t;
  advance(seconds: number): void {
    this.t += seconds * 1000;
  }
}

const byUser = (request: Request) => request.headers.get("x-user");
const sorted = (entries: Entry[]) => entries.map(({ provider, user }) => ({ provider, user }));

/** The scenarios, against `backend`. */
export function storageScenarios(backend: Backend): void {
  const clock = new Clock();
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeProvider({ now: clock.now });
  });
  afterAll(() => fake?.close());
  beforeEach(() => {
    fake.reset();
    clock.t = Date.now();
  });

  const provider = (id: string) => oidc({ id, issuer: fake.issuer, clientId: fake.clientId, clientSecret: fake.clientSecret, refresh: true });
  const danceWith = (storage: TokenStorage, config: Partial<DanceConfig> = {}): Dance =>
    createDance({ secret: SECRET, providers: [provider("fake"), provider("other")], storage, warn: () => {}, now: clock.now, errorRedirectTo: "/error", ...config });
  const browserFor = (dance: Dance, user?: string): Browser => createBrowser({ handlers: { [APP]: dance.handler }, headers: user ? { "x-user": user } : {} });

  /** A whole dance for `browser`; the provider says the user is `sub` there. Returns the callback's response. */
  async function login(browser: Browser, options: { provider?: string; sub?: string } = {}): Promise<Response> {
    fake.onToken((ctx) => ctx.standard(options.sub ? { claims: { sub: options.sub } } : {}));
    const start = await browser.get(`${APP}/login/${options.provider ?? "fake"}`);
    expect(start.status).toBe(302);
    const back = await browser.follow(start);
    expect(back.status).toBe(302);
    const done = await browser.follow(back);
    fake.onToken(null);
    return done;
  }
  const tokenOf = async (dance: Dance, browser: Browser, id = "fake") => (await dance.session(browser.request(`${APP}/`), id)).token;

  describe(`${backend.name}: Flask-Dance's SQLAlchemy scenarios`, () => {
    it(
      backend.kind === "sql"
        ? "without a user: one row without a user, the dance redirects, and every visitor finds the app's token"
        : "without a user: the token is kept for this browser's session (a random id in an HttpOnly cookie); another browser has none",
      async () => {
        const made = await backend.create();
        const dance = danceWith(made.storage);
        const browser = browserFor(dance);
        let issued: Token | undefined;
        dance.on("authorized", ({ token }) => void (issued = token));
        const done = await login(browser);
        expect({ status: done.status, location: done.headers.get("location") }).toEqual({ status: 302, location: "/" });
        expect(sorted(await made.entries())).toEqual([{ provider: "fake", user: null }]);
        expect((await tokenOf(dance, browser))?.access_token).toBe(issued!.access_token);
        const stranger = browserFor(dance);
        if (backend.kind === "sql") {
          expect((await tokenOf(dance, stranger))?.access_token).toBe(issued!.access_token);
        } else {
          expect(browser.cookies.get(APP, "dance-sid")).toMatch(/^[A-Za-z0-9_-]{43}$/);
          expect(await tokenOf(dance, stranger)).toBeNull();
        }
      },
    );

    it("per-user tokens: Alice and Bob each get their own; Chuck has none; tokens load by user, also outside a request", async () => {
      const made = await backend.create({ user: byUser });
      const dance = danceWith(made.storage);
      const [alice, bob, chuck] = ["alice", "bob", "chuck"].map((user) => browserFor(dance, user)) as [Browser, Browser, Browser];
      expect((await login(alice, { sub: "alice-at-fake" })).headers.get("location")).toBe("/");
      expect((await login(bob, { sub: "bob-at-fake" })).headers.get("location")).toBe("/");
      expect(sorted(await made.entries())).toEqual([
        { provider: "fake", user: "alice" },
        { provider: "fake", user: "bob" },
      ]);
      const a = await tokenOf(dance, alice);
      const b = await tokenOf(dance, bob);
      expect(a?.access_token).toMatch(/^at-/);
      expect(b?.access_token).toMatch(/^at-/);
      expect(a!.access_token).not.toBe(b!.access_token);
      expect(await tokenOf(dance, chuck)).toBeNull();
      expect((await dance.tokenFor({ provider: "fake", user: "alice" })).token?.access_token).toBe(a!.access_token);
      expect((await dance.tokenFor({ provider: "fake", user: "bob" })).token?.access_token).toBe(b!.access_token);
      expect((await dance.tokenFor({ provider: "fake", user: "chuck" })).authorized).toBe(false);
    });

    it("user required but anonymous: the error event (storage_failed, user_required), the error redirect, nothing stored; an anonymous page visit is sent to log in", async () => {
      const made = await backend.create({ user: byUser });
      const errors: ErrorEvent[] = [];
      const dance = danceWith(made.storage, { on: { error: (event) => void errors.push(event) } });
      const anonymous = browserFor(dance);
      const done = await login(anonymous);
      expect({ status: done.status, location: done.headers.get("location") }).toEqual({ status: 302, location: "/error?error=storage_failed&provider=fake" });
      expect(errors).toHaveLength(1);
      expect(errors[0]!.danceError.code).toBe("storage_failed");
      // The storage's own error is the cause, once: not a storage_failed wrapped in another.
      const cause = errors[0]!.danceError.cause as Error;
      expect(cause).toMatchObject({ name: "StorageError", code: "user_required" });
      expect(cause.message).toMatch(/without an associated user/);
      expect(await made.entries()).toEqual([]);
      const guarded = await dance.guard(anonymous.request(`${APP}/repos`), "fake");
      expect({ status: guarded?.status, location: guarded?.headers.get("location") }).toEqual({ status: 302, location: "/login/fake?next=%2Frepos" });
    });

    it("userRequired: false: an anonymous visitor reads no token and gets no error", async () => {
      const made = await backend.create({ user: byUser, userRequired: false });
      const dance = danceWith(made.storage);
      const anonymous = browserFor(dance);
      const session = await dance.session(anonymous.request(`${APP}/`), "fake");
      expect(session.authorized).toBe(false);
      expect(await made.entries()).toEqual([]);
    });

    it("anonymous turning authenticated inside the authorized event: the token is stored for the user the event signed in", async () => {
      const signedIn = new WeakMap<Request, string>();
      const made = await backend.create({ user: (request: Request) => signedIn.get(request) ?? byUser(request) });
      const dance = danceWith(made.storage, {
        on: {
          async authorized({ request, session }) {
            // Flask-Dance's test: call the API with the new token, create the user, log them in.
            const me = (await (await session.fetch("/api/user")).json()) as { sub: string };
            signedIn.set(request, `local-${me.sub}`);
          },
        },
      });
      const done = await login(browserFor(dance));
      expect(done.headers.get("location")).toBe("/");
      expect(sorted(await made.entries())).toEqual([{ provider: "fake", user: "local-user-1" }]);
      expect((await dance.tokenFor({ provider: "fake", user: "local-user-1" })).authorized).toBe(true);
    });

    it("overwriting keeps one entry: a new login replaces the user's token", async () => {
      const made = await backend.create({ user: byUser });
      const dance = danceWith(made.storage);
      await (await dance.tokenFor({ provider: "fake", user: "alice" })).setToken({ access_token: "something", token_type: "bearer", scope: "blah" });
      expect(sorted(await made.entries())).toEqual([{ provider: "fake", user: "alice" }]);
      const alice = browserFor(dance, "alice");
      await login(alice);
      expect(sorted(await made.entries())).toEqual([{ provider: "fake", user: "alice" }]);
      const token = await tokenOf(dance, alice);
      expect(token?.access_token).toMatch(/^at-/);
    });

    it("delete removes only that user's token (and only that provider's)", async () => {
      const made = await backend.create({ user: byUser });
      const dance = danceWith(made.storage);
      for (const user of ["alice", "bob", "sue"]) {
        await (await dance.tokenFor({ provider: "fake", user })).setToken({ access_token: `${user}123`, token_type: "bearer" });
      }
      await (await dance.tokenFor({ provider: "other", user: "bob" })).setToken({ access_token: "bob-other", token_type: "bearer" });
      const bob = browserFor(dance, "bob");
      await (await dance.session(bob.request(`${APP}/logout`), "fake")).deleteToken();
      expect(await tokenOf(dance, bob)).toBeNull();
      expect(sorted(await made.entries())).toEqual([
        { provider: "fake", user: "alice" },
        { provider: "fake", user: "sue" },
        { provider: "other", user: "bob" },
      ]);
      expect((await tokenOf(dance, browserFor(dance, "alice")))?.access_token).toBe("alice123");
      expect((await tokenOf(dance, bob, "other"))?.access_token).toBe("bob-other");
    });

    it("several providers per user: one entry each, read independently", async () => {
      const made = await backend.create({ user: byUser });
      const dance = danceWith(made.storage);
      const alice = browserFor(dance, "alice");
      await login(alice, { provider: "fake", sub: "alice-fake" });
      await login(alice, { provider: "other", sub: "alice-other" });
      expect(sorted(await made.entries())).toEqual([
        { provider: "fake", user: "alice" },
        { provider: "other", user: "alice" },
      ]);
      const [one, two] = [await tokenOf(dance, alice, "fake"), await tokenOf(dance, alice, "other")];
      expect(one?.access_token).toMatch(/^at-/);
      expect(two?.access_token).toMatch(/^at-/);
      expect(one!.access_token).not.toBe(two!.access_token);
    });
  });

  if (backend.kind === "sql") {
    it(`${backend.name}: a cache: a login writes through and invalidates it; the first read misses (one query), the next ones hit (none)`, async () => {
      const cache = new CountingCache();
      const made = await backend.create({ cache });
      const dance = danceWith(made.storage);
      const browser = browserFor(dance);
      const start = made.queries!();
      await login(browser);
      // Flask-Dance counts 2 for the login: the read of the (absent) token and the write.
      expect(made.queries!() - start).toBe(2);
      expect(cache.size).toBe(0);
      const read = made.queries!();
      const token = await tokenOf(dance, browser);
      expect(made.queries!() - read).toBe(1);
      expect(cache.misses).toBe(2);
      expect(cache.size).toBe(1);
      const again = made.queries!();
      expect((await tokenOf(dance, browser))?.access_token).toBe(token!.access_token);
      expect((await tokenOf(dance, browserFor(dance)))?.access_token).toBe(token!.access_token);
      expect(made.queries!() - again).toBe(0);
      expect(cache.hits).toBe(2);
      await (await dance.session(browser.request(`${APP}/logout`), "fake")).deleteToken();
      expect(cache.size).toBe(0);
      expect(await tokenOf(dance, browser)).toBeNull();
    });
  }

  describe(`${backend.name}: encryption at rest`, () => {
    it("on by default: the stored value is a seal without the token in it; encrypt: false stores JSON", async () => {
      const made = await backend.create({ user: byUser });
      const dance = danceWith(made.storage);
      const alice = browserFor(dance, "alice");
      await login(alice);
      const token = (await tokenOf(dance, alice))!;
      const [entry] = await made.entries();
      expect(entry!.raw).toMatch(/^d1\.1\./);
      expect(entry!.raw).not.toContain(token.access_token);
      expect(entry!.raw).not.toContain(token.refresh_token!);

      const clear = await backend.create({ user: byUser, encrypt: false });
      const plain = danceWith(clear.storage);
      const bob = browserFor(plain, "bob");
      await login(bob);
      const [stored] = await clear.entries();
      expect(stored!.raw).toContain((await tokenOf(plain, bob))!.access_token);
    });

    it("rotation: a token sealed with the old secret is read with { 2: new, 1: old } and sealed again with the new one; then the old secret can go", async () => {
      const made = await backend.create({ user: byUser });
      const before = danceWith(made.storage);
      const alice = browserFor(before, "alice");
      await login(alice);
      const token = (await tokenOf(before, alice))!;
      expect((await made.entries())[0]!.raw).toMatch(/^d1\.1\./);

      const rotating = danceWith(made.storage, { secret: { 2: NEW_SECRET, 1: SECRET } });
      expect((await rotating.session(alice.request(`${APP}/`), "fake")).token?.access_token).toBe(token.access_token);
      expect((await made.entries())[0]!.raw).toMatch(/^d1\.2\./);

      const rotated = danceWith(made.storage, { secret: { 2: NEW_SECRET } });
      expect((await rotated.session(alice.request(`${APP}/`), "fake")).token?.access_token).toBe(token.access_token);
    });

    it("a token sealed with a secret this app does not have: treated as absent, warned, never a 500; the next login replaces it", async () => {
      const warnings: { code: string }[] = [];
      const made = await backend.create({ user: byUser, warn: (warning: { code: string }) => void warnings.push(warning) });
      const foreign = danceWith(made.storage, { secret: OTHER_SECRET });
      await login(browserFor(foreign, "alice"));
      expect(await made.entries()).toHaveLength(1);

      const dance = danceWith(made.storage);
      const alice = browserFor(dance, "alice");
      const page = dance.protect("fake", () => new Response("repos"));
      const response = await page(alice.request(`${APP}/repos`));
      expect({ status: response.status, location: response.headers.get("location") }).toEqual({ status: 302, location: "/login/fake?next=%2Frepos" });
      expect(warnings.map((w) => w.code)).toEqual(["token_unreadable"]);
      await login(alice);
      expect((await tokenOf(dance, alice))?.access_token).toMatch(/^at-/);
      expect(await made.entries()).toHaveLength(1);
    });

    it("without a warn option the unreadable token is logged with console.warn, once", async () => {
      const made = await backend.create({ user: byUser });
      await login(browserFor(danceWith(made.storage, { secret: OTHER_SECRET }), "alice"));
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      try {
        const dance = danceWith(made.storage);
        const alice = browserFor(dance, "alice");
        expect(await tokenOf(dance, alice)).toBeNull();
        expect(await tokenOf(dance, alice)).toBeNull();
        expect(warn).toHaveBeenCalledTimes(1);
        expect(String(warn.mock.calls[0]![0])).toMatch(/could not be opened/);
      } finally {
        warn.mockRestore();
      }
    });
  });

  describe(`${backend.name}: refresh across instances sharing the storage`, () => {
    const refreshCalls = () => fake.tokenRequests.filter((r) => r.form.get("grant_type") === "refresh_token");

    async function expiredLogin() {
      const made = await backend.create({ user: byUser });
      const events: string[] = [];
      const on = { reauthRequired: () => void events.push("reauthRequired"), refreshed: () => void events.push("refreshed") };
      const one = danceWith(made.storage, { on });
      const two = danceWith(await made.twin(), { on });
      const alice = browserFor(one, "alice");
      await login(alice);
      const old = (await tokenOf(one, alice))!;
      clock.advance(3600 + 5);
      fake.reset();
      return { made, one, two, alice, old, events };
    }

    if (backend.locks) {
      it("two instances, 50 concurrent fetches each with the same expired token: one token request, every fetch succeeds with the new token", async () => {
        const { made, one, two, alice, old, events } = await expiredLogin();
        const fetches = [one, two].flatMap((dance) => Array.from({ length: 50 }, async () => (await (await dance.session(alice.request(`${APP}/`), "fake")).fetch("/api/me")).status));
        expect(await Promise.all(fetches)).toEqual(Array.from({ length: 100 }, () => 200));
        expect(refreshCalls()).toHaveLength(1);
        expect(refreshCalls()[0]!.form.get("refresh_token")).toBe(old.refresh_token);
        const stored = (await one.tokenFor({ provider: "fake", user: "alice" })).token!;
        expect(stored.refresh_token).not.toBe(old.refresh_token);
        expect(new Set(fake.requestsTo("/api/me").map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${stored.access_token}`]));
        expect(events.filter((e) => e === "refreshed").length).toBeGreaterThanOrEqual(1);
        expect(events).not.toContain("reauthRequired");
        expect(await made.entries()).toHaveLength(1);
      });
    } else {
      it("this storage cannot lock (withLock is absent): two instances refresh twice, and the refused one adopts the newer token instead of deleting it", async () => {
        const { made, one, two, alice, events } = await expiredLogin();
        expect(made.storage.withLock).toBeUndefined();
        let calls = 0;
        fake.onToken(async (ctx) => {
          if (++calls === 2) await new Promise((resolve) => setTimeout(resolve, 300));
          return ctx.standard();
        });
        const [a, b] = await Promise.all([one, two].map(async (dance) => (await dance.session(alice.request(`${APP}/`), "fake")).fetch("/api/me")));
        expect([a!.status, b!.status]).toEqual([200, 200]);
        expect(refreshCalls()).toHaveLength(2);
        const stored = (await one.tokenFor({ provider: "fake", user: "alice" })).token!;
        expect(fake.requestsTo("/api/me").map((r) => r.headers.authorization)).toEqual([`Bearer ${stored.access_token}`, `Bearer ${stored.access_token}`]);
        expect(events).toEqual(["refreshed"]);
      });
    }
  });

  describe(`${backend.name}: the database goes away`, () => {
    it("mid-request: the dance ends in the error event (storage_failed) and the error redirect, never a 500; the stored token is intact", async () => {
      const made = await backend.create({ user: byUser });
      expect(made.cut, `${backend.name} must be able to take its database away`).toBeTypeOf("function");
      const errors: DanceError[] = [];
      let cutNext = false;
      const dance = danceWith(made.storage, {
        on: {
          async authorized() {
            if (cutNext) await made.cut!();
          },
          error: ({ danceError }) => void errors.push(danceError),
        },
      });
      const alice = browserFor(dance, "alice");
      await login(alice);
      const before = await made.entries();
      const kept = (await tokenOf(dance, alice))!;
      cutNext = true;
      try {
        const done = await login(alice);
        expect({ status: done.status, location: done.headers.get("location") }).toEqual({ status: 302, location: "/error?error=storage_failed&provider=fake" });
        expect(errors.map((e) => e.code)).toEqual(["storage_failed"]);
        // A page while the database is away: Dance's error answer, not a 500.
        const page = await dance.protect("fake", () => new Response("repos"))(alice.request(`${APP}/repos`));
        expect({ status: page.status, location: page.headers.get("location") }).toEqual({ status: 302, location: "/error?error=storage_failed&provider=fake" });
        const bare = await createDance({ secret: SECRET, providers: [provider("fake")], storage: made.storage, warn: () => {} }).protect("fake", () => new Response("repos"))(alice.request(`${APP}/repos`));
        expect({ status: bare.status, code: bare.headers.get("x-dance-error") }).toEqual({ status: 503, code: "storage_failed" });
      } finally {
        cutNext = false;
        await made.restore!();
      }
      expect(await made.entries()).toEqual(before);
      expect((await tokenOf(dance, alice))?.access_token).toBe(kept.access_token);
    });
  });
}
