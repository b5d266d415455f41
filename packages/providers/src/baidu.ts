import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link baidu}. */
export interface BaiduOptions<Id extends string = "baidu"> extends PresetOptions<Id> {
  /** Default `["basic"]`; add `netdisk`, … */
  scope?: readonly string[] | string | undefined;
  /** `display`: `page`, `popup`, `dialog`, `mobile`, `tv` or `pad`. */
  display?: "page" | "popup" | "dialog" | "mobile" | "tv" | "pad" | undefined;
}

const hooks: ProviderHooks = {
  // Baidu's API reads the token from the access_token query parameter.
  apiRequest(request, { token }) {
    const url = new URL(request.url);
    if (url.searchParams.has("access_token")) return request;
    url.searchParams.set("access_token", token.access_token);
    return new Request(url, request);
  },
};

/**
 * Baidu. The client id is the app's API Key, the secret its Secret Key. API calls carry the
 * token as the `access_token` query parameter, as Baidu documents. The user is
 * `session.fetch("passport/users/getInfo")`.
 *
 * @example
 * ```ts
 * baidu({ display: "mobile" })
 * ```
 * @see https://openauth.baidu.com/doc/doc.html
 */
export function baidu<const Id extends string = "baidu">(options: BaiduOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { display, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "baidu",
    name: "Baidu",
    authorizationUrl: "https://openapi.baidu.com/oauth/2.0/authorize",
    tokenUrl: "https://openapi.baidu.com/oauth/2.0/token",
    apiBaseUrl: "https://openapi.baidu.com/rest/2.0/",
    scope: ["basic"],
    clientAuth: "client_secret_post",
    refresh: true,
    authorizationParams: { display },
    hooks,
    facts: {
      docs: "https://openauth.baidu.com/doc/doc.html",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 30 days, refresh tokens 10 years." },
    },
  });
}
