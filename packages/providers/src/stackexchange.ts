import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link stackexchange}. */
export interface StackExchangeOptions<Id extends string = "stackexchange"> extends PresetOptions<Id> {
  /** Stack Exchange scopes: `read_inbox`, `write_access`, `private_info`, `no_expiry`. Default: none. */
  scope?: readonly string[] | string | undefined;
  /** The app's API `key` (from Stack Apps), sent with every API call next to the token. */
  key?: string | undefined;
}

/** Stack Exchange's token answer and API calls. */
export function stackexchangeHooks(key: string | undefined): ProviderHooks {
  return {
    // The token answer has `expires` instead of `expires_in` (and no token_type, which core reads as bearer).
    tokenResponse(answer) {
      const { expires, ...body } = answer.body;
      if (typeof body.access_token !== "string" || expires === undefined) return answer;
      return { ...answer, body: { ...body, ...(body.expires_in === undefined ? { expires_in: Number(expires) } : {}) } };
    },
    // The API reads the token (and the app's key) from the query string.
    apiRequest(request, { token }) {
      const url = new URL(request.url);
      url.searchParams.set("access_token", token.access_token);
      if (key) url.searchParams.set("key", key);
      return new Request(url, request);
    },
  };
}

/**
 * Stack Exchange (Stack Overflow and the other sites; API 2.3). The token endpoint's JSON form
 * answers `expires` (seconds) and no token_type; API calls take the token and the app's `key`
 * in the query, and most need `site=`: `session.fetch("me?site=stackoverflow")`. Tokens expire
 * (no refresh tokens) unless the scope has `no_expiry`.
 *
 * @example
 * ```ts
 * stackexchange({ key: process.env.STACKAPPS_KEY, scope: ["private_info"] })
 * ```
 * @see https://api.stackexchange.com/docs/authentication
 */
export function stackexchange<const Id extends string = "stackexchange">(options: StackExchangeOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { key, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "stackexchange",
    name: "Stack Exchange",
    authorizationUrl: "https://stackoverflow.com/oauth",
    // The /json variant answers JSON instead of a form-encoded body.
    tokenUrl: "https://stackoverflow.com/oauth/access_token/json",
    apiBaseUrl: "https://api.stackexchange.com/2.3/",
    clientAuth: "client_secret_post",
    hooks: stackexchangeHooks(key),
    facts: {
      docs: "https://api.stackexchange.com/docs/authentication",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "yes (as `expires`), unless the scope has no_expiry" },
    },
  });
}
