import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link amazon}. */
export interface AmazonOptions<Id extends string = "amazon"> extends PresetOptions<Id> {
  /** `profile` (name, e-mail, id), `profile:user_id` (the id only), `postal_code`. Default `["profile:user_id"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Login with Amazon. The user is `session.fetch("user/profile")`; its id is `user_id`
 * (`amzn1.account.…`). Access tokens live an hour; the refresh token does not expire.
 *
 * @example
 * ```ts
 * amazon({ scope: ["profile"] }) // AMAZON_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html
 */
export function amazon<const Id extends string = "amazon">(options: AmazonOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "amazon",
    name: "Amazon",
    authorizationUrl: "https://www.amazon.com/ap/oa",
    tokenUrl: "https://api.amazon.com/auth/o2/token",
    apiBaseUrl: "https://api.amazon.com/",
    scope: ["profile:user_id"],
    // Amazon takes the credentials as form fields or HTTP Basic; its examples use form fields.
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html",
      refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 1 hour; the refresh token gives indefinite access." },
    },
  });
}
