import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link weibo}. */
export interface WeiboOptions<Id extends string = "weibo"> extends PresetOptions<Id> {
  /** Advanced permissions to ask for, e.g. `["email"]`. Default: none (basic access). */
  scope?: readonly string[] | string | undefined;
  /** `display`: `default`, `mobile`, `wap`, `client` or `apponweibo`. */
  display?: "default" | "mobile" | "wap" | "client" | "apponweibo" | undefined;
  /** `forcelogin=true`: ask for the credentials even with a session. */
  forceLogin?: boolean | undefined;
  /** `language=en`: the authorization page in English (Chinese by default). */
  language?: "en" | undefined;
}

/**
 * Weibo. API calls carry `Authorization: OAuth2 <token>`, Weibo's scheme. The token keeps
 * `uid`, which the profile call needs: `session.fetch("users/show.json?uid=" + session.token.uid)`.
 * Web apps get no refresh token. Scopes go out comma-separated (`scopeSeparator: ","`).
 *
 * @example
 * ```ts
 * weibo({ language: "en" })
 * ```
 * @see https://open.weibo.com/wiki/Oauth2/authorize
 */
export function weibo<const Id extends string = "weibo">(options: WeiboOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { display, forceLogin, language, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "weibo",
    name: "Weibo",
    authorizationUrl: "https://api.weibo.com/oauth2/authorize",
    tokenUrl: "https://api.weibo.com/oauth2/access_token",
    apiBaseUrl: "https://api.weibo.com/2/",
    // Weibo joins scopes with commas.
    scopeSeparator: ",",
    clientAuth: "client_secret_post",
    tokenScheme: "OAuth2",
    authorizationParams: { display, forcelogin: forceLogin ? "true" : undefined, language },
    facts: {
      docs: "https://open.weibo.com/wiki/Oauth2/authorize",
      refresh: { refreshTokens: "no (web apps)", rotates: "no", expiresIn: "yes", notes: "The lifetime depends on the app's review level; the user authorizes again after it." },
    },
  });
}
