/**
 * SECURITY.md cases 10–13: mix-up (RFC 9207 `iss`, discovery issuer) and PKCE.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, MemoryStorage } from "@dance/core";
import { normalizeSecrets, Sealer } from "../src/seal.js";
import { Browser, expectRefused, fakeDance, fakeOauth2, fakeOidc, SECRET, setCookies, useFakeProvider, withParams } from "./helpers.js";

const fake = useFakeProvider();

describe("mix-up and PKCE", () => {
  it("10. iss present and different from the issuer (even by a trailing slash) → rejected", async () => {
    const storage = new MemoryStorage();
    const browser = new Browser(fakeDance(fake, { storage }));
    for (const iss of [`${fake.issuer}/`, "https://evil.example", fake.issuer.replace("127.0.0.1", "localhost"), fake.issuer.toUpperCase()]) {
      const callback = await browser.loginToCallback();
      const res = await browser.send(withParams(callback, { iss }));
      await expectRefused(res, fake, { status: 400, code: "issuer_mismatch" });
    }
    // Two iss parameters, one of them right.
    const callback = await browser.loginToCallback();
    const doubled = new URL(callback);
    doubled.searchParams.append("iss", "https://evil.example");
    await expectRefused(await browser.send(doubled), fake, { status: 400, code: "issuer_mismatch" });
    // The provider announces `authorization_response_iss_parameter_supported`: a callback without iss is refused.
    const noIss = await browser.loginToCallback();
    await expectRefused(await browser.send(withParams(noIss, { iss: null })), fake, { status: 400, code: "issuer_mismatch" });

    // A plain OAuth 2 provider with a configured issuer is checked the same way.
    const plain = new Browser(createDance({ secret: SECRET, storage, providers: [fakeOauth2(fake, { issuer: fake.issuer })] }));
    const cb = await plain.loginToCallback("/login/plain");
    await expectRefused(await plain.send(withParams(cb, { iss: `${fake.issuer}/` })), fake, { status: 400, code: "issuer_mismatch", provider: "plain" });
    expect(storage.entries().size).toBe(0);

    // The exact issuer is accepted (the control).
    const ok = await browser.send(await browser.loginToCallback());
    expect(ok.status).toBe(302);
    expect(storage.entries().size).toBe(1);
  });

  it("11. discovery document whose issuer differs from the configured one → config error", async () => {
    for (const issuer of ["https://other.example", `${fake.issuer}/`, `${fake.issuer}/tenant`]) {
      fake.setDiscovery({ issuer });
      const dance = fakeDance(fake);
      await expect(dance.ready(), issuer).rejects.toBeInstanceOf(DanceConfigError);
      await expect(dance.ready()).rejects.toThrow(/issuer/);
      // Without ready(), the login fails before any redirect to the provider.
      const res = await dance.handler(new Request("http://localhost:3000/login/fake"));
      expect(res.status).toBe(502);
      expect(res.headers.get("x-dance-error")).toBe("discovery_failed");
      expect(res.headers.get("location")).toBeNull();
      expect(setCookies(res)).toEqual([]);
      expect(fake.requestsTo("/authorize")).toHaveLength(0);
    }
    // The control: the same issuer is accepted.
    fake.setDiscovery({ issuer: fake.issuer });
    await expect(fakeDance(fake).ready()).resolves.toBeUndefined();
  });

  it("12. every authorization URL carries S256; the verifier is 43–128 chars, fresh per login, never in a URL, always sent to the token endpoint", async () => {
    const storage = new MemoryStorage();
    const dance = createDance({ secret: SECRET, storage, providers: [fakeOauth2(fake), fakeOidc(fake)] });
    const verifiers = new Set<string>();
    for (const provider of ["fake", "plain", "fake", "plain"]) {
      fake.reset();
      const browser = new Browser(dance);
      const login = await browser.send(`/login/${provider}`);
      const authorizationUrl = new URL(login.headers.get("location")!);
      expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
      const challenge = authorizationUrl.searchParams.get("code_challenge")!;
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const back = await fetch(authorizationUrl, { redirect: "manual" });
      const callback = new URL(back.headers.get("location")!);
      const done = await browser.send(callback);
      expect(done.status).toBe(302);

      const [tokenRequest] = fake.tokenRequests;
      expect(fake.tokenRequests).toHaveLength(1);
      const verifier = tokenRequest!.form.get("code_verifier")!;
      expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
      expect(createHash("sha256").update(verifier).digest("base64url")).toBe(challenge);
      expect(verifiers.has(verifier)).toBe(false);
      verifiers.add(verifier);
      for (const url of [authorizationUrl.href, callback.href, done.headers.get("location")!, ...fake.requests.map((r) => r.path + "?" + r.query)]) {
        expect(url).not.toContain(verifier);
      }
      // Not readable from the transaction cookie either (sealed).
      for (const cookie of setCookies(login)) expect(cookie).not.toContain(verifier);
    }
    expect(verifiers.size).toBe(4);
  });

  it("13. a transaction lacking its verifier or nonce → rejected", async () => {
    const storage = new MemoryStorage();
    const sealer = new Sealer(normalizeSecrets(SECRET));
    const browser = new Browser(fakeDance(fake, { storage }));
    const mutations: Record<string, (tx: Record<string, unknown>) => void> = {
      "no verifier": (tx) => delete tx.v,
      "short verifier": (tx) => (tx.v = "abc"),
      "verifier not a string": (tx) => (tx.v = 12345),
      "no nonce": (tx) => delete tx.n,
      "short nonce": (tx) => (tx.n = "n"),
    };
    for (const [what, mutate] of Object.entries(mutations)) {
      fake.reset();
      const callback = await browser.loginToCallback();
      const sealed = browser.cookies.get("dance-tx-fake")!;
      const opened = await sealer.open<Record<string, unknown>[]>("tx:fake", sealed);
      expect(opened.ok, what).toBe(true);
      if (!opened.ok) continue;
      const pending = structuredClone(opened.value);
      expect(pending, what).toHaveLength(1);
      mutate(pending[0]!);
      browser.cookies.set("dance-tx-fake", await sealer.seal("tx:fake", pending, 600));
      const res = await browser.send(callback);
      await expectRefused(res, fake, { status: 400, code: "invalid_transaction" });
    }
    expect(storage.entries().size).toBe(0);
  });
});
