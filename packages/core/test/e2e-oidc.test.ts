/**
 * The dance end to end against a real OpenID Provider (panva's oidc-provider, in-process) over
 * real loopback HTTP. The app side is `dance.handler` itself, served in-process by the test
 * browser; the provider side is reached over the network, its login and consent pages filled
 * in like a person would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDance, type Dance } from "@dance/core";
import { oidc } from "@dance/providers/oidc";
import { confidentialClient, createBrowser, loginAtProvider, startOidcProvider, type Browser, type RunningOidcProvider } from "@dance/testing";

const APP = "http://127.0.0.1:3000";
const CALLBACK = `${APP}/login/local/authorized`;
/** The same app deployed on https (served in-process too): its cookies are `__Host-` prefixed and Secure. */
const HTTPS_APP = "https://app.example.test";
const SECRET = "e2e-secret-0123456789-abcdefghijklmnopq";
const CLIENT_ID = "dance-e2e";
const CLIENT_SECRET = "dance-e2e-client-secret-0123456789abcdef";

/** The fetch given to Dance: records every provider call (token endpoint grants, API calls and their Authorization). */
function recordingFetch() {
  const calls: { url: URL; grantType: string | undefined; authorization: string | null }[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(input instanceof Request ? input.headers : init?.headers);
    const body = init?.body instanceof URLSearchParams ? init.body : typeof init?.body === "string" ? new URLSearchParams(init.body) : undefined;
    calls.push({ url, grantType: body?.get("grant_type") ?? undefined, authorization: headers.get("authorization") });
    return globalThis.fetch(input, init);
  };
  return {
    fetch: fetchImpl,
    reset: () => void calls.splice(0),
    /** The `grant_type` of every token endpoint request, in order. */
    grants: (op: RunningOidcProvider) => calls.filter((c) => c.url.href === op.endpoints.token).map((c) => c.grantType),
    /** How many requests went to `endpoint`. */
    count: (endpoint: string) => calls.filter((c) => c.url.href === endpoint).length,
    /** The Authorization header of every request to `endpoint`. */
    authorizations: (endpoint: string) => calls.filter((c) => c.url.href === endpoint).map((c) => c.authorization),
  };
}

function startProvider(ttl?: Parameters<typeof startOidcProvider>[0]["ttl"]): Promise<RunningOidcProvider> {
  return startOidcProvider({
    clients: [confidentialClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [CALLBACK, `${HTTPS_APP}/login/local/authorized`] })],
    ...(ttl ? { ttl } : {}),
  });
}

/** A Dance whose provider refreshes expired tokens (oidc() adds prompt=consent for offline_access, OIDC Core §11). */
function refreshingDance(op: RunningOidcProvider, scope: string[], fetch: typeof globalThis.fetch): Dance {
  return createDance({
    secret: SECRET,
    providers: [oidc({ id: "local", issuer: op.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scope, refresh: true })],
    fetch,
  });
}

/** Run the whole dance in `browser` as `login`; returns the app's final answer to the callback. */
async function logIn(browser: Browser, login: string, next = "/") {
  const start = await browser.get(`${APP}/login/local?next=${encodeURIComponent(next)}`);
  expect(start.status).toBe(302);
  const authorizationUrl = browser.locationOf(start)!;
  const { response, callbackUrl } = await loginAtProvider(browser, authorizationUrl, { login });
  const done = await browser.follow(response);
  return { start, authorizationUrl, callbackUrl, done };
}

/** Wait until the provider itself refuses `accessToken` (its lifetime is over). */
async function waitUntilExpired(op: RunningOidcProvider, accessToken: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const response = await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${accessToken}` } });
    await response.body?.cancel();
    if (response.status === 401) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the access token did not expire at the provider");
}

async function refreshAtProvider(op: RunningOidcProvider, refreshToken: string): Promise<Response> {
  return fetch(op.endpoints.token, {
    method: "POST",
    headers: { authorization: `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }),
  });
}

const deletes = (name: string) => new RegExp(`^${name}=; Path=/; Max-Age=0;`);

describe("e2e: the dance against oidc-provider", () => {
  let op: RunningOidcProvider;
  let dance: Dance;
  const recorder = recordingFetch();

  beforeAll(async () => {
    op = await startProvider();
    dance = createDance({
      secret: SECRET,
      providers: [oidc({ id: "local", issuer: op.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scope: ["openid", "profile", "email"] })],
      fetch: recorder.fetch,
    });
    await dance.ready(); // discovery against the real provider: the issuer matches exactly
  });
  afterAll(() => op?.close());

  it("logs in: login redirect → provider login and consent → callback → sealed token cookie → the ?next= page", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    recorder.reset();

    const start = await browser.get(`${APP}/login/local?next=${encodeURIComponent("/dashboard?tab=profile")}`);
    expect(start.status).toBe(302);
    const authorizationUrl = browser.locationOf(start)!;
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(op.endpoints.authorization);
    const q = authorizationUrl.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe(CLIENT_ID);
    expect(q.get("redirect_uri")).toBe(CALLBACK);
    expect(q.get("scope")).toBe("openid profile email");
    expect(q.get("state")).toMatch(/^[\w-]{43,}$/);
    expect(q.get("nonce")).toMatch(/^[\w-]{43,}$/);
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(q.has("code_verifier")).toBe(false);
    const txCookies = start.headers.getSetCookie();
    expect(txCookies).toHaveLength(1);
    expect(txCookies[0]).toMatch(/^dance-tx-local=d1\.[^;]+; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax$/);

    const { response, callbackUrl } = await loginAtProvider(browser, authorizationUrl, { login: "ada" });
    expect(callbackUrl.origin + callbackUrl.pathname).toBe(CALLBACK);
    expect(callbackUrl.searchParams.get("state")).toBe(q.get("state"));
    expect(callbackUrl.searchParams.get("iss")).toBe(op.issuer);
    expect(callbackUrl.searchParams.get("code")).toBeTruthy();
    expect(recorder.grants(op)).toEqual([]);

    const done = await browser.follow(response);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/dashboard?tab=profile");
    const set = done.headers.getSetCookie();
    expect(set.find((c) => c.startsWith("dance-tx-local="))).toMatch(deletes("dance-tx-local"));
    expect(set.find((c) => c.startsWith("dance-local="))).toMatch(/^dance-local=d1\.[^;]+; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax$/);
    expect(recorder.grants(op)).toEqual(["authorization_code"]);
    expect(browser.cookies.get(`${APP}/`, "dance-tx-local")).toBeUndefined();
    expect(browser.cookies.get(`${APP}/`, "dance-local")).toMatch(/^d1\./);

    const session = await dance.session(browser.request(`${APP}/dashboard`), "local");
    expect(session.authorized).toBe(true);
    expect(session.claims).toMatchObject({ sub: "ada", iss: op.issuer, aud: CLIENT_ID, nonce: q.get("nonce") });
    expect(session.token).toMatchObject({ token_type: "bearer", access_token: expect.any(String), id_token: expect.any(String) });
    expect(session.token!.expires_in).toBeGreaterThan(3500);
    expect(session.token!.refresh_token).toBeUndefined(); // no offline_access asked

    const me = await session.fetch(op.endpoints.userinfo);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ sub: "ada", name: "ada", preferred_username: "ada", email: "ada@example.test", email_verified: true });
    // Relative URLs resolve against the API base (the userinfo endpoint's directory).
    const relative = await session.fetch("me");
    expect(relative.status).toBe(200);
    expect(recorder.authorizations(op.endpoints.userinfo)).toEqual([`Bearer ${session.token!.access_token}`, `Bearer ${session.token!.access_token}`]);
    // Nothing changed, so nothing to commit.
    expect(session.commit(new Response("ok")).headers.getSetCookie()).toEqual([]);
  });

  it("on https, the transaction and token cookies are __Host- prefixed and Secure", async () => {
    const browser = createBrowser({ handlers: { [HTTPS_APP]: dance.handler } });
    const start = await browser.get(`${HTTPS_APP}/login/local?next=/account`);
    expect(start.headers.getSetCookie()).toEqual([expect.stringMatching(/^__Host-dance-tx-local=d1\.[^;]+; Path=\/; Max-Age=600; HttpOnly; Secure; SameSite=Lax$/)]);
    const authorizationUrl = browser.locationOf(start)!;
    expect(authorizationUrl.searchParams.get("redirect_uri")).toBe(`${HTTPS_APP}/login/local/authorized`);
    const { response } = await loginAtProvider(browser, authorizationUrl, { login: "ada" });
    const done = await browser.follow(response);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/account");
    expect(done.headers.getSetCookie()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^__Host-dance-local=d1\.[^;]+; Path=\/; Max-Age=2592000; HttpOnly; Secure; SameSite=Lax$/),
        expect.stringMatching(deletes("__Host-dance-tx-local")),
      ]),
    );
    expect(browser.cookies.get(`${HTTPS_APP}/`, "__Host-dance-local")).toMatch(/^d1\./);
    const session = await dance.session(browser.request(`${HTTPS_APP}/account`), "local");
    expect(session.claims?.sub).toBe("ada");
    expect((await session.fetch(op.endpoints.userinfo)).status).toBe(200);
  });

  it("logs out: deleteToken() clears the cookie through session.commit(response)", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    await logIn(browser, "grace");
    expect(browser.cookies.get(`${APP}/`, "dance-local")).toBeDefined();

    const session = await dance.session(browser.request(`${APP}/logout`), "local");
    expect(session.authorized).toBe(true);
    await session.deleteToken();
    expect(session.authorized).toBe(false);
    const response = browser.receive(`${APP}/logout`, session.commit(new Response(null, { status: 204 })));
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(deletes("dance-local"))]);
    expect(browser.cookies.get(`${APP}/`, "dance-local")).toBeUndefined();

    const after = await dance.session(browser.request(`${APP}/dashboard`), "local");
    expect(after.authorized).toBe(false);
    await expect(after.fetch(op.endpoints.userinfo)).rejects.toMatchObject({ name: "DanceError", code: "not_authorized" });
    expect(await dance.guard(browser.request(`${APP}/dashboard`), "local")).toMatchObject({ status: 302 });
  });

  it("logs in again without the provider's pages while its session and grant last", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    await logIn(browser, "hopper");
    const again = await browser.get(`${APP}/login/local`);
    // The provider answers the authorization request with a redirect straight back to the app.
    const back = await browser.followRedirects(again, { until: (url) => url.href.startsWith(CALLBACK) });
    expect(browser.locationOf(back)?.searchParams.get("code")).toBeTruthy();
    const done = await browser.follow(back);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/");
    const session = await dance.session(browser.request(`${APP}/`), "local");
    expect(session.claims?.sub).toBe("hopper");
  });

  it("refuses a replayed callback, even with the transaction cookie it came with", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    const start = await browser.get(`${APP}/login/local`);
    const { response, callbackUrl } = await loginAtProvider(browser, browser.locationOf(start)!, { login: "ada" });
    const replay = browser.request(callbackUrl); // carries the same dance-tx-local cookie
    expect((await browser.follow(response)).status).toBe(302);
    recorder.reset();

    const second = await dance.handler(replay);
    expect(second.status).toBe(400);
    expect(second.headers.get("x-dance-error")).toBe("missing_transaction");
    expect(second.headers.getSetCookie()).toEqual([expect.stringMatching(deletes("dance-tx-local"))]);
    expect(recorder.grants(op)).toEqual([]);
  });

  it("returns to the app when the user cancels at the consent page (error=access_denied)", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    const errors: { error: string; description: string | undefined }[] = [];
    const off = dance.on("error", ({ error, description }) => void errors.push({ error, description }));
    try {
      recorder.reset();
      const start = await browser.get(`${APP}/login/local?next=/private`);
      const { response, callbackUrl } = await loginAtProvider(browser, browser.locationOf(start)!, { login: "mallory", consent: false });
      expect(callbackUrl.searchParams.get("error")).toBe("access_denied");
      expect(callbackUrl.searchParams.get("iss")).toBe(op.issuer);
      const done = await browser.follow(response);
      expect(done.status).toBe(302);
      expect(done.headers.get("location")).toBe("/");
      expect(done.headers.getSetCookie()).toEqual([expect.stringMatching(deletes("dance-tx-local"))]);
      expect(errors).toEqual([{ error: "access_denied", description: "End-User aborted interaction" }]);
      expect(recorder.grants(op)).toEqual([]);
      expect((await dance.session(browser.request(`${APP}/`), "local")).authorized).toBe(false);
    } finally {
      off();
    }
  });

  it("revokes an access token at the provider's revocation endpoint and forgets it", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    await logIn(browser, "ada");
    const session = await dance.session(browser.request(`${APP}/logout`), "local");
    const accessToken = session.token!.access_token;
    recorder.reset();

    await session.revoke();
    expect(recorder.count(op.endpoints.revocation)).toBe(1);
    expect(session.authorized).toBe(false);
    expect(session.commit(new Response(null, { status: 204 })).headers.getSetCookie()).toEqual([expect.stringMatching(deletes("dance-local"))]);
    const me = await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(401);
  });
});

describe("e2e: incremental authorization and RP-initiated logout", () => {
  let op: RunningOidcProvider;
  beforeAll(async () => {
    op = await startOidcProvider({
      clients: [{ ...confidentialClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [CALLBACK] }), post_logout_redirect_uris: [`${APP}/`] }],
      configuration: { features: { rpInitiatedLogout: { enabled: true } } },
    });
  });
  afterAll(() => op?.close());

  it("asks for more scopes later: the provider's answer replaces the token, and the stored scope says what was granted", async () => {
    const dance = createDance({ secret: SECRET, providers: [oidc({ id: "local", issuer: op.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scope: ["openid", "profile"] })] });
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    await logIn(browser, "ada");
    const before = await dance.session(browser.request(`${APP}/`), "local");
    expect(before.token!.scope!.split(" ").sort()).toEqual(["openid", "profile"]);
    expect(await (await before.fetch(op.endpoints.userinfo)).json()).not.toHaveProperty("email");

    const more = await before.loginUrlFor("/settings", { scope: ["email"] });
    const start = await browser.get(`${APP}${more}`);
    expect(browser.locationOf(start)!.searchParams.get("scope")).toBe("openid profile email");
    const { response } = await loginAtProvider(browser, browser.locationOf(start)!, { login: "ada" });
    const done = await browser.follow(response);
    expect(done.headers.get("location")).toBe("/settings");
    const after = await dance.session(browser.request(`${APP}/`), "local");
    expect(after.token!.access_token).not.toBe(before.token!.access_token);
    expect(after.token!.scope!.split(" ").sort()).toEqual(["email", "openid", "profile"]);
    expect(await (await after.fetch(op.endpoints.userinfo)).json()).toHaveProperty("email");
  });

  it("endSessionUrl() points at the provider's end_session_endpoint with id_token_hint; the provider accepts it", async () => {
    const dance = createDance({ secret: SECRET, providers: [oidc({ id: "local", issuer: op.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })] });
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    await logIn(browser, "ada");
    const session = await dance.session(browser.request(`${APP}/logout`), "local");
    const url = new URL((await session.endSessionUrl({ postLogoutRedirectUri: `${APP}/`, state: "bye" }))!);
    expect(url.origin + url.pathname).toBe(op.endpoints.endSession);
    expect(url.searchParams.get("id_token_hint")).toBe(session.token!.id_token);
    expect(url.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${APP}/`);
    const page = await browser.get(url);
    expect(page.status).toBe(200); // oidc-provider's "log out?" confirmation: the hint and redirect were accepted
    expect(await page.text()).toContain("logout");
  });
});

describe("e2e: refresh and revocation with offline_access and short-lived access tokens", () => {
  let op: RunningOidcProvider;
  let dance: Dance;
  const recorder = recordingFetch();

  beforeAll(async () => {
    op = await startProvider({
      // The first access token lives 2 s; refreshed ones an hour, so a refresh is needed exactly once.
      AccessToken: (ctx: { oidc?: { params?: { grant_type?: unknown } } }) => (ctx.oidc?.params?.grant_type === "refresh_token" ? 3600 : 2),
    });
    dance = refreshingDance(op, ["openid", "profile", "email", "offline_access"], recorder.fetch);
  });
  afterAll(() => op?.close());

  it("refreshes an expired token once in session.fetch and stores the new one in the cookie", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    const { authorizationUrl } = await logIn(browser, "ada");
    expect(authorizationUrl.searchParams.get("scope")).toBe("openid profile email offline_access");
    const old = (await dance.session(browser.request(`${APP}/`), "local")).token!;
    expect(old.refresh_token).toEqual(expect.any(String));
    expect(old.scope?.split(" ")).toContain("offline_access");
    expect(old.expires_in).toBeLessThanOrEqual(2);
    await waitUntilExpired(op, old.access_token);
    recorder.reset();

    const session = await dance.session(browser.request(`${APP}/profile`), "local");
    const me = await session.fetch(op.endpoints.userinfo);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ sub: "ada" });
    expect(recorder.grants(op)).toEqual(["refresh_token"]);
    const fresh = session.token!;
    expect(fresh.access_token).not.toBe(old.access_token);
    expect(fresh.refresh_token).toEqual(expect.any(String));
    expect(fresh.expires_in).toBeGreaterThan(3500);
    expect(recorder.authorizations(op.endpoints.userinfo)).toEqual([`Bearer ${fresh.access_token}`]);
    expect(session.claims?.sub).toBe("ada");

    const response = browser.receive(`${APP}/profile`, session.commit(new Response("ok")));
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-local=d1\.[^;]+; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax$/)]);

    // The next request reads the refreshed token from the cookie and does not refresh again.
    recorder.reset();
    const next = await dance.session(browser.request(`${APP}/profile`), "local");
    expect(next.token!.access_token).toBe(fresh.access_token);
    expect((await next.fetch(op.endpoints.userinfo)).status).toBe(200);
    expect(recorder.grants(op)).toEqual([]);
  });

  it("10 concurrent session.fetch calls with an expired token cause exactly one refresh", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    await logIn(browser, "grace");
    const old = (await dance.session(browser.request(`${APP}/`), "local")).token!;
    await waitUntilExpired(op, old.access_token);
    recorder.reset();

    const session = await dance.session(browser.request(`${APP}/api`), "local");
    const responses = await Promise.all(Array.from({ length: 10 }, () => session.fetch(op.endpoints.userinfo)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const body of await Promise.all(responses.map((r) => r.json()))) expect(body).toMatchObject({ sub: "grace" });
    expect(recorder.grants(op)).toEqual(["refresh_token"]);
    const fresh = session.token!;
    expect(fresh.access_token).not.toBe(old.access_token);
    expect(recorder.authorizations(op.endpoints.userinfo)).toEqual(Array(10).fill(`Bearer ${fresh.access_token}`));
    const set = session.commit(new Response("ok")).headers.getSetCookie();
    expect(set).toHaveLength(1);
    expect(set[0]).toMatch(/^dance-local=d1\./);
  });

  it("concurrent requests carrying the same expired cookie share one refresh", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    await logIn(browser, "katherine");
    const old = (await dance.session(browser.request(`${APP}/`), "local")).token!;
    await waitUntilExpired(op, old.access_token);
    recorder.reset();

    const requests = Array.from({ length: 5 }, () => browser.request(`${APP}/api`));
    const sessions = await Promise.all(requests.map((request) => dance.session(request, "local")));
    const responses = await Promise.all(sessions.flatMap((s) => [s.fetch(op.endpoints.userinfo), s.fetch(op.endpoints.userinfo)]));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(recorder.grants(op)).toEqual(["refresh_token"]);
    const tokens = new Set(sessions.map((s) => s.token!.access_token));
    expect(tokens.size).toBe(1);
    // Every response carries the refreshed token to its browser.
    for (const s of sessions) expect(s.commit(new Response("ok")).headers.getSetCookie()).toEqual([expect.stringMatching(/^dance-local=d1\./)]);
  });

  it("revoke() revokes the refresh token (and its grant) at the provider and logs out", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    await logIn(browser, "lin");
    const session = await dance.session(browser.request(`${APP}/logout`), "local");
    const { access_token: accessToken, refresh_token: refreshToken } = session.token!;
    expect(refreshToken).toEqual(expect.any(String));
    recorder.reset();

    await session.revoke();
    expect(recorder.count(op.endpoints.revocation)).toBe(1);
    expect(session.authorized).toBe(false);
    const response = browser.receive(`${APP}/logout`, session.commit(new Response(null, { status: 204 })));
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(deletes("dance-local"))]);
    expect((await dance.session(browser.request(`${APP}/`), "local")).authorized).toBe(false);

    const refreshed = await refreshAtProvider(op, refreshToken!);
    expect(refreshed.status).toBe(400);
    expect(await refreshed.json()).toMatchObject({ error: "invalid_grant" });
    const me = await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(401);
  });

  it("a refresh token the provider no longer honours gives reauth_required and logs out, without a loop", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    await logIn(browser, "dorothy");
    const old = (await dance.session(browser.request(`${APP}/`), "local")).token!;
    // Revoked behind the app's back (e.g. the user removed the app at the provider).
    const revoked = await fetch(op.endpoints.revocation, {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: old.refresh_token!, token_type_hint: "refresh_token" }),
    });
    expect(revoked.status).toBe(200);
    await waitUntilExpired(op, old.access_token);
    recorder.reset();

    const session = await dance.session(browser.request(`${APP}/api`), "local");
    await expect(session.fetch(op.endpoints.userinfo)).rejects.toMatchObject({ name: "DanceError", code: "reauth_required" });
    expect(recorder.grants(op)).toEqual(["refresh_token"]);
    expect(recorder.count(op.endpoints.userinfo)).toBe(0);
    expect(session.authorized).toBe(false);
    expect(session.commit(new Response(null)).headers.getSetCookie()).toEqual([expect.stringMatching(deletes("dance-local"))]);
    await expect(session.fetch(op.endpoints.userinfo)).rejects.toMatchObject({ code: "not_authorized" });
    expect(recorder.grants(op)).toEqual(["refresh_token"]);
  });
});

describe("e2e: access tokens that all live 2 seconds (refresh tokens not rotated)", () => {
  let op: RunningOidcProvider;
  let dance: Dance;
  const recorder = recordingFetch();

  beforeAll(async () => {
    op = await startProvider({ AccessToken: 2 });
    dance = refreshingDance(op, ["openid", "offline_access"], recorder.fetch);
  });
  afterAll(() => op?.close());

  it("refreshes again once the refreshed token has expired in turn", async () => {
    const browser = createBrowser({ handlers: { [APP]: dance.handler } });
    await logIn(browser, "ada");
    const first = (await dance.session(browser.request(`${APP}/`), "local")).token!;
    await waitUntilExpired(op, first.access_token);
    recorder.reset();

    const one = await dance.session(browser.request(`${APP}/api`), "local");
    expect((await one.fetch(op.endpoints.userinfo)).status).toBe(200);
    browser.receive(`${APP}/api`, one.commit(new Response("ok")));
    const second = one.token!;
    expect(second.refresh_token).toBe(first.refresh_token); // oidc-provider does not rotate it yet
    await waitUntilExpired(op, second.access_token);

    const two = await dance.session(browser.request(`${APP}/api`), "local");
    expect((await two.fetch(op.endpoints.userinfo)).status).toBe(200);
    expect(two.token!.access_token).not.toBe(second.access_token);
    expect(recorder.grants(op)).toEqual(["refresh_token", "refresh_token"]);
  });
});
