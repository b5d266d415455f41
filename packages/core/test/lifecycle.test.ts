/**
 * The token lifecycle (issue 9): refresh that never loses a token — one refresh per token in a
 * process and across instances sharing a storage, a newer token wins after `invalid_grant` —,
 * 401 recovery, the `refreshed` and `reauthRequired` events, tokens outside a request,
 * incremental scopes, provider-specific revocation. The provider rotates refresh tokens and
 * refuses a reused one (the fake's default).
 */
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, DanceError, MemoryStorage, type Dance, type DanceConfig, type StorageContext, type Token, type TokenStorage } from "@dance/core";
import { github } from "@dance/providers/github";
import { APP, Browser, Clock, fakeDance, SECRET, useFakeProvider } from "./helpers.js";

const clock = new Clock();
const fake = useFakeProvider(clock);

const refreshCalls = () => fake.tokenRequests.filter((r) => r.form.get("grant_type") === "refresh_token");

/** A Dance with refresh on, logged in once; the access token then expired. */
async function expiredLogin(config: Partial<DanceConfig> = {}) {
  const storage = (config.storage as MemoryStorage | undefined) ?? new MemoryStorage();
  const dance = fakeDance(fake, { storage, now: clock.now, ...config }, { refresh: true });
  const browser = new Browser(dance);
  expect((await browser.login()).status).toBe(302);
  const old = (await dance.session(browser.request("/"), "fake")).token!;
  clock.advance(3600 + 5);
  fake.reset();
  return { dance, browser, storage, old };
}

/** A storage shared like a database, but without a lock: the invalid_grant re-read is all that saves it. */
class LocklessStorage implements TokenStorage {
  readonly tokens = new Map<string, Token>();
  readonly userKeyed = true;
  async get(ctx: StorageContext) {
    return structuredClone(this.tokens.get(ctx.provider) ?? null);
  }
  async set(ctx: StorageContext, token: Token) {
    this.tokens.set(ctx.provider, structuredClone(token));
  }
  async delete(ctx: StorageContext) {
    this.tokens.delete(ctx.provider);
  }
}

describe("refresh that never loses a token", () => {
  it("100 concurrent fetches with an expired token in one process → exactly one token request", async () => {
    const { dance, browser, old } = await expiredLogin();
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async () => (await (await dance.session(browser.request("/"), "fake")).fetch("/api/me")).status),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(refreshCalls()).toHaveLength(1);
    expect(refreshCalls()[0]!.form.get("refresh_token")).toBe(old.refresh_token);
    expect(new Set(fake.requestsTo("/api/me").map((r) => r.headers.authorization)).size).toBe(1);
  });

  it("two instances sharing one storage, 50 concurrent fetches each with the same expired token → one token request, every fetch succeeds", async () => {
    const { storage, browser } = await expiredLogin();
    const one = fakeDance(fake, { storage, now: clock.now }, { refresh: true });
    const two = fakeDance(fake, { storage, now: clock.now }, { refresh: true });
    const fetches = [one, two].flatMap((dance) =>
      Array.from({ length: 50 }, async () => (await (await dance.session(browser.request("/"), "fake")).fetch("/api/me")).status),
    );
    expect(await Promise.all(fetches)).toEqual(Array.from({ length: 100 }, () => 200));
    expect(refreshCalls()).toHaveLength(1);
    expect(fake.requestsTo("/api/me").every((r) => r.headers.authorization === `Bearer ${storage.entries().get("fake")!.access_token}`)).toBe(true);
  });

  it("a refresh refused (invalid_grant) because another instance rotated the token meanwhile uses the newer token, never deletes it", async () => {
    const storage = new LocklessStorage();
    const { browser } = await expiredLogin({ storage: storage as unknown as MemoryStorage });
    const events: string[] = [];
    const on = { reauthRequired: () => void events.push("reauthRequired"), refreshed: () => void events.push("refreshed") };
    const one = fakeDance(fake, { storage, now: clock.now, on }, { refresh: true });
    const two = fakeDance(fake, { storage, now: clock.now, on }, { refresh: true });
    // Both read the old token; the provider answers the second refresh after the first is stored, and refuses its reused refresh token.
    let calls = 0;
    fake.onToken(async (ctx) => {
      if (++calls === 2) await new Promise((resolve) => setTimeout(resolve, 300));
      return ctx.standard();
    });
    const [a, b] = await Promise.all([one, two].map(async (dance) => (await dance.session(browser.request("/"), "fake")).fetch("/api/me")));
    expect([a!.status, b!.status]).toEqual([200, 200]);
    expect(refreshCalls().map((r) => r.form.get("refresh_token"))).toEqual([expect.any(String), expect.any(String)]);
    expect(refreshCalls()[0]!.form.get("refresh_token")).toBe(refreshCalls()[1]!.form.get("refresh_token")); // the same spent token
    const stored = storage.tokens.get("fake")!;
    expect(stored.access_token).toMatch(/^at-/);
    expect(b!.status).toBe(200);
    expect(fake.requestsTo("/api/me").map((r) => r.headers.authorization)).toEqual([`Bearer ${stored.access_token}`, `Bearer ${stored.access_token}`]);
    expect(events).toEqual(["refreshed"]);
  });

  it("only a refusal of the newest token is final: reauth_required, the token deleted, the event fired once", async () => {
    const events: { provider: string; reason: string }[] = [];
    const { dance, browser, storage } = await expiredLogin({ on: { reauthRequired: ({ provider, reason }) => void events.push({ provider, reason }) } });
    fake.onToken({ status: 400, body: { error: "invalid_grant", error_description: "revoked" } });
    const results = await Promise.all(Array.from({ length: 5 }, async () => (await dance.session(browser.request("/"), "fake")).fetch("/api/me").catch((e: unknown) => e)));
    for (const result of results) expect((result as DanceError).code).toBe("reauth_required");
    expect(refreshCalls()).toHaveLength(1);
    expect(storage.entries().get("fake")).toBeUndefined();
    expect(events).toEqual([{ provider: "fake", reason: "invalid_grant" }]);
  });

  it("a provider that is down during refresh: provider_unavailable (retryable), the stored token kept; the next try refreshes", async () => {
    const { dance, browser, storage, old } = await expiredLogin();
    fake.onToken({ reset: true });
    const error = (await (await dance.session(browser.request("/"), "fake")).fetch("/api/me").catch((e: unknown) => e)) as DanceError;
    expect({ code: error.code, status: error.status }).toEqual({ code: "provider_unavailable", status: 502 });
    expect(storage.entries().get("fake")?.refresh_token).toBe(old.refresh_token);
    fake.onToken(null);
    expect((await (await dance.session(browser.request("/"), "fake")).fetch("/api/me")).status).toBe(200);
    expect(storage.entries().get("fake")?.refresh_token).not.toBe(old.refresh_token);
  });

  it("fires refreshed once per refresh, however many requests waited for it", async () => {
    const refreshed: string[] = [];
    const { dance, browser, storage } = await expiredLogin();
    dance.on("refreshed", ({ provider, token }) => void refreshed.push(`${provider}:${token.access_token}`));
    await Promise.all(Array.from({ length: 10 }, async () => (await dance.session(browser.request("/"), "fake")).fetch("/api/me")));
    expect(refreshed).toEqual([`fake:${storage.entries().get("fake")!.access_token}`]);
  });

  it("an expired token that cannot be refreshed: reauth_required with reason expired", async () => {
    const events: string[] = [];
    const dance = fakeDance(fake, { now: clock.now, on: { reauthRequired: ({ reason }) => void events.push(reason) } });
    const browser = new Browser(dance);
    expect((await browser.login()).status).toBe(302);
    clock.advance(3600 + 5);
    const error = (await (await dance.session(browser.request("/"), "fake")).fetch("/api/me").catch((e: unknown) => e)) as DanceError;
    expect(error.code).toBe("reauth_required");
    expect(events).toEqual(["expired"]);
  });
});

describe("401 recovery", () => {
  async function revokedAccessToken() {
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage, now: clock.now }, { refresh: true });
    const browser = new Browser(dance);
    expect((await browser.login()).status).toBe(302);
    // The provider no longer knows the access token (revoked, rotated elsewhere); it has not expired here.
    const stored = storage.entries().get("fake")!;
    const session = await dance.session(browser.request("/"), "fake");
    await session.setToken({ ...stored, access_token: "revoked-token" });
    fake.reset();
    return { dance, browser, storage, session };
  }

  it("refreshes once and retries once on 401 invalid_token", async () => {
    const { session, storage } = await revokedAccessToken();
    const response = await session.fetch("/api/me", { method: "POST", body: JSON.stringify({ a: 1 }), headers: { "content-type": "application/json" } });
    expect(response.status).toBe(200);
    expect(refreshCalls()).toHaveLength(1);
    const calls = fake.requestsTo("/api/me");
    expect(calls.map((c) => c.headers.authorization)).toEqual(["Bearer revoked-token", `Bearer ${storage.entries().get("fake")!.access_token}`]);
    expect(calls[1]!.body).toBe('{"a":1}');
  });

  it("does not retry a body that cannot be sent again (a stream), nor a 401 without invalid_token", async () => {
    const { session } = await revokedAccessToken();
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("data"));
        controller.close();
      },
    });
    const response = await session.fetch("/api/me", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(response.status).toBe(401);
    expect(refreshCalls()).toHaveLength(0);
    expect(fake.requestsTo("/api/me")).toHaveLength(1);
  });
});

describe("tokens outside a request", () => {
  it("dance.tokenFor({ provider, user }) gives a session whose fetch refreshes and stores", async () => {
    const storage = new MemoryStorage();
    const users = new Map<Request, string>();
    const dance = fakeDance(fake, { storage, now: clock.now, user: (request) => users.get(request) ?? "anonymous" }, { refresh: true });
    const browser = new Browser({ handler: (request: Request) => (users.set(request, "ada"), dance.handler(request)) } as unknown as Dance);
    expect((await browser.login()).status).toBe(302);
    expect([...storage.entries().keys()]).toEqual(["fake:ada"]);
    clock.advance(3600 + 5);
    fake.reset();
    const job = await dance.tokenFor({ provider: "fake", user: "ada" });
    expect(job.authorized).toBe(true);
    expect((await job.fetch("/api/me")).status).toBe(200);
    expect(refreshCalls()).toHaveLength(1);
    expect(storage.entries().get("fake:ada")!.access_token).toBe(job.token!.access_token);
    expect((await dance.tokenFor({ provider: "fake", user: "grace" })).authorized).toBe(false);
  });

  it("refuses the cookie storage, which has no browser to read from", async () => {
    const dance = fakeDance(fake);
    await expect(dance.tokenFor({ provider: "fake", user: "ada" })).rejects.toBeInstanceOf(DanceConfigError);
  });
});

describe("incremental scopes", () => {
  it("loginUrlFor(next, { scope }) asks for more, signed; an unsigned or forged scope is ignored", async () => {
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage }, { scope: ["openid", "profile"] });
    const browser = new Browser(dance);
    expect((await browser.login()).status).toBe(302);
    const session = await dance.session(browser.request("/"), "fake");
    const more = await session.loginUrlFor("/repos", { scope: ["email", "repo"] });
    const login = await browser.send(more);
    const asked = new URL(login.headers.get("location")!).searchParams.get("scope");
    expect(asked).toBe("openid profile email repo");
    for (const forged of [more.replace(/&sig=[^&]+/, ""), more.replace("%20repo", "%20admin"), more.replace(/sig=1\./, "sig=2.")]) {
      const res = await browser.send(forged);
      expect(new URL(res.headers.get("location")!).searchParams.get("scope"), forged).toBe("openid profile");
    }
  });

  it("the provider's answer replaces the token; the stored scope is what was granted (or asked, when the answer does not say)", async () => {
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage }, { scope: ["openid", "profile"] });
    const browser = new Browser(dance);
    expect((await browser.login()).status).toBe(302);
    const first = storage.entries().get("fake")!;
    const more = await (await dance.session(browser.request("/"), "fake")).loginUrlFor("/", { scope: ["email"] });
    fake.onToken((ctx) => ctx.standard({ body: { scope: undefined } }));
    expect((await browser.login(more)).status).toBe(302);
    const second = storage.entries().get("fake")!;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.scope).toBe("openid profile email");
  });
});

describe("revoke", () => {
  it("GitHub: deletes the grant through its REST API with the client credentials (no RFC 7009 endpoint)", async () => {
    const seen: Request[] = [];
    const dance = createDance({
      secret: SECRET,
      providers: [github({ clientId: "Iv1.abc", clientSecret: "s3cret" })],
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push(request.clone());
        return new Response(null, { status: 204 });
      },
    });
    const request = new Request(`${APP}/`);
    const session = await dance.session(request, "github");
    await session.setToken({ access_token: "gho_token", token_type: "bearer" });
    await session.revoke();
    expect(seen).toHaveLength(1);
    const call = seen[0]!;
    expect([call.method, call.url]).toEqual(["DELETE", "https://api.github.com/applications/Iv1.abc/grant"]);
    expect(atob(call.headers.get("authorization")!.replace("Basic ", ""))).toBe("Iv1.abc:s3cret");
    expect(await call.json()).toEqual({ access_token: "gho_token" });
    expect(session.authorized).toBe(false);
    // Set and deleted within this request: the browser is never told about it.
    expect(dance.commit(request, new Response()).headers.getSetCookie()).toEqual([]);
  });

  it("a provider without any revocation: unsupported_operation, the token kept", async () => {
    const dance = fakeDance(fake, {}, { revocationUrl: undefined });
    fake.setDiscovery({ revocation_endpoint: undefined });
    const browser = new Browser(dance);
    expect((await browser.login()).status).toBe(302);
    const session = await dance.session(browser.request("/"), "fake");
    await expect(session.revoke()).rejects.toMatchObject({ code: "unsupported_operation" });
    expect(session.authorized).toBe(true);
  });
});
