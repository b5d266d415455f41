import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link stripe}. */
export interface StripeOptions<Id extends string = "stripe"> extends PresetOptions<Id> {
  /** `read_only` or `read_write`. Default `["read_only"]`. */
  scope?: readonly string[] | string | undefined;
  /** `stripe_landing`: open Stripe's `login` or `register` page first. */
  stripeLanding?: "login" | "register" | undefined;
  /** `always_prompt=true`: show the account selection even when the user is signed in. */
  alwaysPrompt?: boolean | undefined;
}

const hooks: ProviderHooks = {
  // Stripe has no RFC 7009 endpoint: the platform disconnects the account with its secret key.
  async revoke(token, { clientId, clientSecret, fetch }) {
    const account = token.stripe_user_id;
    if (typeof account !== "string") throw new Error("The Stripe token has no stripe_user_id to deauthorize");
    const response = await fetch("https://connect.stripe.com/oauth/deauthorize", {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`${clientSecret ?? ""}:`)}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: clientId, stripe_user_id: account }).toString(),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`Stripe answered HTTP ${response.status} to the deauthorization`);
  },
};

/**
 * Stripe Connect OAuth: a platform connects a Standard account. The client id is the
 * platform's `ca_…` id and the client secret its secret API key (`sk_live_…`/`sk_test_…`, which
 * also picks live or test mode). The token answer carries `stripe_user_id`; Stripe recommends
 * calling the API with the platform key and `Stripe-Account: <stripe_user_id>` rather than the
 * access token, which does not expire. `session.revoke()` disconnects the account. Stripe no
 * longer recommends OAuth for new platforms.
 *
 * @example
 * ```ts
 * stripe({ scope: ["read_write"], stripeLanding: "register" }) // STRIPE_OAUTH_CLIENT_ID = ca_…, _SECRET = sk_…
 * ```
 * @see https://docs.stripe.com/connect/oauth-reference
 */
export function stripe<const Id extends string = "stripe">(options: StripeOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { stripeLanding, alwaysPrompt, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "stripe",
    name: "Stripe Connect",
    authorizationUrl: "https://connect.stripe.com/oauth/authorize",
    tokenUrl: "https://connect.stripe.com/oauth/token",
    apiBaseUrl: "https://api.stripe.com/v1/",
    scope: ["read_only"],
    // The secret key goes in the body as client_secret.
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { stripe_landing: stripeLanding, always_prompt: alwaysPrompt ? "true" : undefined },
    hooks,
    facts: {
      docs: "https://docs.stripe.com/connect/oauth-reference",
      refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "no", notes: "Access tokens do not expire; a refresh token can mint new ones." },
    },
  });
}
