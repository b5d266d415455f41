import { expect, it } from "vitest";
import { paypal } from "../../src/paypal.js";

const hook = paypal().hooks!.tokenResponse!;

// PayPal's discovery document offers HS256 id_tokens, which Dance does not accept: the preset
// is OAuth 2 and drops the id_token PayPal answers to `openid`.
it("drops the id_token of PayPal's token answer, keeping the rest", () => {
  const answer = { status: 200, body: { scope: "openid email", access_token: "A21A…", token_type: "Bearer", expires_in: 28800, refresh_token: "R23A…", nonce: "n", id_token: "eyJ.x.y" } };
  expect(hook(answer)).toEqual({ status: 200, body: { scope: "openid email", access_token: "A21A…", token_type: "Bearer", expires_in: 28800, refresh_token: "R23A…", nonce: "n" } });
});

it("passes a standard answer through unchanged", () => {
  const answer = { status: 200, body: { access_token: "at", token_type: "bearer" } };
  expect(hook(answer)).toBe(answer);
});

it("switches every host for the sandbox", () => {
  const def = paypal({ sandbox: true });
  expect([def.authorizationUrl, def.tokenUrl, def.apiBaseUrl]).toEqual(["https://www.sandbox.paypal.com/signin/authorize", "https://api-m.sandbox.paypal.com/v1/oauth2/token", "https://api-m.sandbox.paypal.com/"]);
});
