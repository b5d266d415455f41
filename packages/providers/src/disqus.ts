import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link disqus}. */
export interface DisqusOptions<Id extends string = "disqus"> extends PresetOptions<Id> {
  /** Disqus permissions: `read`, `write`, `email`, `admin`. Default `["read"]`. */
  scope?: readonly string[] | string | undefined;
}

/** Disqus's API authentication. */
export const disqusHooks: ProviderHooks = {
  // The API reads the user's token and the app's public key (the client id) from the query string.
  apiRequest(request, { token, clientId }) {
    const url = new URL(request.url);
    url.searchParams.set("access_token", token.access_token);
    url.searchParams.set("api_key", clientId);
    return new Request(url, request);
  },
};

/**
 * Disqus (API 3.0). Enable OAuth on the application; the client id is its public key, the
 * secret its secret key. Permissions go out comma-separated (`scopeSeparator: ","`); API calls
 * carry `access_token` and `api_key` in the query. The user: `session.fetch("users/details.json")`.
 *
 * @example
 * ```ts
 * disqus({ scope: ["read", "email"] })
 * ```
 * @see https://disqus.com/api/docs/auth/
 */
export function disqus<const Id extends string = "disqus">(options: DisqusOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "disqus",
    name: "Disqus",
    authorizationUrl: "https://disqus.com/api/oauth/2.0/authorize/",
    tokenUrl: "https://disqus.com/api/oauth/2.0/access_token/",
    apiBaseUrl: "https://disqus.com/api/3.0/",
    scope: ["read"],
    // Disqus documents the permissions comma-separated (scope=read,write).
    scopeSeparator: ",",
    clientAuth: "client_secret_post",
    refresh: true,
    hooks: disqusHooks,
    facts: {
      docs: "https://disqus.com/api/docs/auth/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 30 days." },
    },
  });
}
