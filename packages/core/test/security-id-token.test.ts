/**
 * SECURITY.md cases 18–22: id_token validation, at login and at refresh.
 */
import { describe, expect, it } from "vitest";
import { DanceError, MemoryStorage, type Dance } from "@dance/core";
import { type StandardTokenOptions } from "@dance/testing";
import { APP, Browser, Clock, expectRefused, fakeDance, tokenCookies, useFakeProvider } from "./helpers.js";

const clock = new Clock();
const fake = useFakeProvider(clock);

/** Log in once with the id_token the fake builds from `standard`; return the response and what was stored. */
async function loginWith(dance: Dance, storage: MemoryStorage, standard: StandardTokenOptions) {
  fake.reset();
  fake.onToken((ctx) => ctx.standard(standard));
  const browser = new Browser(dance);
  const res = await browser.send(await browser.loginToCallback());
  return { res, stored: storage.entries().get("fake") };
}

async function expectIdTokenRejected(dance: Dance, storage: MemoryStorage, standard: StandardTokenOptions, label: string) {
  const { res } = await loginWith(dance, storage, standard);
  await expectRefused(res, fake, { status: 400, code: "id_token_invalid", tokenEndpointCalls: 1 }).catch((error: Error) => {
    throw new Error(`${label}: ${error.message}`);
  });
  expect(storage.entries().size, label).toBe(0);
}

async function expectIdTokenAccepted(dance: Dance, storage: MemoryStorage, standard: StandardTokenOptions, label: string) {
  const { res, stored } = await loginWith(dance, storage, standard);
  expect(res.status, `${label}: ${res.status === 302 ? "" : await res.text()}`).toBe(302);
  expect(stored?.id_token, label).toEqual(expect.any(String));
  await storage.delete({ provider: "fake", user: undefined } as never);
}

describe("id_token", () => {
  it("18. iss or aud wrong, or an untrusted extra audience → rejected; an array containing the client id → accepted", async () => {
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage }, { trustedAudiences: ["https://api.example"] });
    const id = fake.clientId;
    const rejected: Record<string, Record<string, unknown>> = {
      "iss of another provider": { iss: "https://evil.example" },
      "iss with a trailing slash": { iss: `${fake.issuer}/` },
      "aud of another client": { aud: "other-client" },
      "aud array without the client": { aud: ["other-client"] },
      "an untrusted extra audience": { aud: [id, "evil-client"], azp: id },
      "a trusted extra audience without azp": { aud: [id, "https://api.example"] },
      "azp of another client": { azp: "other-client" },
    };
    for (const [label, claims] of Object.entries(rejected)) await expectIdTokenRejected(dance, storage, { claims }, label);

    await expectIdTokenAccepted(dance, storage, { claims: { aud: [id] } }, "[client id]");
    await expectIdTokenAccepted(dance, storage, { claims: { aud: [id, "https://api.example"], azp: id } }, "[client id, trusted] + azp");
    await expectIdTokenAccepted(dance, storage, { claims: {} }, "the standard id_token");
  });

  it("19. missing sub, iat, exp or aud → rejected", async () => {
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage });
    for (const claim of ["sub", "iat", "exp", "aud", "iss"]) {
      await expectIdTokenRejected(dance, storage, { claims: { [claim]: undefined } }, `missing ${claim}`);
    }
    await expectIdTokenRejected(dance, storage, { claims: { sub: "" } }, "empty sub");
    const nowS = Math.floor(clock.t / 1000);
    await expectIdTokenRejected(dance, storage, { claims: { iat: nowS - 7200, exp: nowS - 3600 } }, "expired");
    await expectIdTokenRejected(dance, storage, { claims: { exp: "soon" } }, "exp not a number");
  });

  it("20. nonce missing or wrong → rejected", async () => {
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage });
    await expectIdTokenRejected(dance, storage, { claims: { nonce: undefined } }, "missing nonce");
    await expectIdTokenRejected(dance, storage, { claims: { nonce: "n-0123456789abcdef0123456789" } }, "wrong nonce");
    // The nonce of another login of the same user (a replayed id_token) does not fit this one.
    const other = await new Browser(dance).send("/login/fake");
    const otherNonce = new URL(other.headers.get("location")!).searchParams.get("nonce")!;
    await expectIdTokenRejected(dance, storage, { claims: { nonce: otherNonce } }, "nonce of another login");
    // And no id_token at all to an openid request is not a login.
    await expectIdTokenRejected(dance, storage, { idToken: null }, "no id_token");
  });

  it("21. alg none, HS256 signed with the RSA public key, an unexpected alg, or a bad signature → rejected", async () => {
    const storage = new MemoryStorage();
    const dance = fakeDance(fake, { storage });
    const forged: Record<string, StandardTokenOptions["idToken"]> = {
      "alg none": (claims) => fake.unsignedIdToken(claims),
      "HS256 with the RSA public key": (claims) => fake.hs256WithPublicKey(claims),
      // The provider's own key, but an algorithm its metadata does not announce (RS256 only).
      "RS384 (not announced)": (claims) => fake.signIdToken(claims, { alg: "RS384" }),
      "PS256 (not announced)": (claims) => fake.signIdToken(claims, { alg: "PS256" }),
      "a changed signature": async (claims) => fake.tamperSignature(await fake.signIdToken(claims)),
      "another key under the provider's kid": (claims) => fake.signIdToken(claims, { foreignKey: true }),
      "an unknown kid": (claims) => fake.signIdToken(claims, { header: { kid: "unknown" } }),
      "a changed payload": async (claims) => {
        const [header, , signature] = (await fake.signIdToken(claims)).split(".");
        const payload = Buffer.from(JSON.stringify({ ...claims, sub: "admin" })).toString("base64url");
        return `${header}.${payload}.${signature}`;
      },
    };
    for (const [label, idToken] of Object.entries(forged)) await expectIdTokenRejected(dance, storage, { idToken }, label);
    // The control: RS256 with the provider's key.
    await expectIdTokenAccepted(dance, storage, { idToken: (claims) => fake.signIdToken(claims) }, "RS256");
  });

  describe("22. a refreshed id_token with a different iss/sub/aud → rejected, old tokens kept", () => {
    async function loggedIn(storage?: MemoryStorage) {
      const dance = fakeDance(fake, { now: clock.now, ...(storage ? { storage } : {}) }, { refresh: true });
      const browser = new Browser(dance);
      const res = await browser.login();
      expect(res.status).toBe(302);
      clock.advance(3600 + 1); // the access token has expired
      return { dance, browser };
    }

    for (const [label, claims] of [
      ["another iss", { iss: "https://evil.example" }],
      ["another sub", { sub: "user-2" }],
      ["another aud", { aud: "other-client" }],
      ["an added audience", { aud: ["fake-client", "https://api.example"], azp: "fake-client" }],
    ] as const) {
      it(`22. ${label} → rejected, old tokens kept`, async () => {
        const storage = new MemoryStorage();
        const { dance } = await loggedIn(storage);
        const before = storage.entries().get("fake")!;
        fake.reset();
        fake.onToken((ctx) => ctx.standard(ctx.grantType === "refresh_token" ? { claims } : {}));
        const session = await dance.session(new Request(`${APP}/profile`), "fake");
        const error = await session.fetch("/api/me").then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DanceError);
        expect((error as DanceError).code).toBe("id_token_invalid");
        expect(fake.tokenRequests.map((r) => r.form.get("grant_type"))).toEqual(["refresh_token"]);
        expect(fake.requestsTo("/api/me")).toHaveLength(0); // the API never saw a token
        expect(storage.entries().get("fake")).toEqual(before); // access, refresh and id_token unchanged
        expect(session.token?.access_token).toBe(before.access_token);
      });
    }

    it("22. with cookie storage, no new token cookie is written and the old one still works", async () => {
      const { dance, browser } = await loggedIn();
      fake.reset();
      fake.onToken((ctx) => ctx.standard(ctx.grantType === "refresh_token" ? { claims: { sub: "user-2" } } : {}));
      const request = browser.request("/profile");
      const session = await dance.session(request, "fake");
      const oldToken = session.token!.access_token;
      await expect(session.fetch("/api/me")).rejects.toMatchObject({ code: "id_token_invalid" });
      expect(tokenCookies(session.commit(new Response("page")))).toEqual([]);
      const again = await dance.session(browser.request("/profile"), "fake");
      expect(again.token?.access_token).toBe(oldToken);
    });

    it("22. the control: the same iss/sub/aud → the refreshed tokens are stored", async () => {
      const storage = new MemoryStorage();
      const { dance } = await loggedIn(storage);
      const before = storage.entries().get("fake")!;
      fake.reset();
      const session = await dance.session(new Request(`${APP}/profile`), "fake");
      const res = await session.fetch("/api/me");
      expect(res.status).toBe(200);
      const after = storage.entries().get("fake")!;
      expect(after.access_token).not.toBe(before.access_token);
      expect(after.id_token).not.toBe(before.id_token);
    });
  });
});
