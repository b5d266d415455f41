import { expect, it } from "vitest";
import { stripe } from "../../src/stripe.js";
import { recordingFetch } from "./_fetch.js";

const revoke = stripe().hooks!.revoke!;
const token = { access_token: "sk_acct", token_type: "bearer", stripe_user_id: "acct_123" };

// Stripe has no RFC 7009 endpoint: the platform deauthorizes the account with its secret key.
it("deauthorizes the connected account with the platform's secret key", async () => {
  const { calls, fetch } = recordingFetch(200, '{"stripe_user_id":"acct_123"}');
  await revoke(token, { clientId: "ca_1", clientSecret: "sk_test_1", fetch });
  expect(calls).toHaveLength(1);
  expect(calls[0]!.url).toBe("https://connect.stripe.com/oauth/deauthorize");
  expect(calls[0]!.method).toBe("POST");
  expect(calls[0]!.headers.get("authorization")).toBe(`Basic ${btoa("sk_test_1:")}`);
  expect(Object.fromEntries(new URLSearchParams(calls[0]!.body))).toEqual({ client_id: "ca_1", stripe_user_id: "acct_123" });
});

it("reports a refusal, and a token without stripe_user_id", async () => {
  await expect(revoke(token, { clientId: "ca_1", clientSecret: "sk_test_1", fetch: recordingFetch(401).fetch })).rejects.toThrow(/HTTP 401/);
  await expect(revoke({ access_token: "x", token_type: "bearer" }, { clientId: "ca_1", clientSecret: "sk_test_1", fetch: recordingFetch(200).fetch })).rejects.toThrow(/stripe_user_id/);
});
