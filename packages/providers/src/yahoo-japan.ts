import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link yahooJapan}. */
export interface YahooJapanOptions<Id extends string = "yahoo-japan"> extends PresetOptions<Id> {
  /** Default `["openid"]`; add `profile`, `email`, `address`. */
  scope?: readonly string[] | string | undefined;
  /** `prompt`: `none`, `login`, `consent` or `select_account`. */
  prompt?: "none" | "login" | "consent" | "select_account" | undefined;
  /** `display`: `page`, `touch`, `popup` or `inapp`. */
  display?: "page" | "touch" | "popup" | "inapp" | undefined;
  /** `max_age`: seconds since the user's last authentication after which they log in again. */
  maxAge?: number | undefined;
  /** `bail=1`: come back to the app (with an error) when the user declines consent, instead of stopping. */
  bail?: boolean | undefined;
}

/**
 * Yahoo! JAPAN ID (YConnect v2), an OpenID provider with pinned metadata; the issuer has the
 * `/yconnect/v2` path. Not the same accounts as {@link yahoo}. Server-side apps authenticate
 * with HTTP Basic. The user is `session.fetch("attribute")`.
 *
 * @example
 * ```ts
 * yahooJapan({ scope: ["openid", "profile", "email"], prompt: "login" })
 * ```
 * @see https://developer.yahoo.co.jp/yconnect/v2/authorization_code/
 */
export function yahooJapan<const Id extends string = "yahoo-japan">(options: YahooJapanOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { prompt, display, maxAge, bail, ...common } = options;
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "yahoo-japan",
    name: "Yahoo! JAPAN",
    issuer: "https://auth.login.yahoo.co.jp/yconnect/v2",
    authorizationUrl: "https://auth.login.yahoo.co.jp/yconnect/v2/authorization",
    tokenUrl: "https://auth.login.yahoo.co.jp/yconnect/v2/token",
    jwksUrl: "https://auth.login.yahoo.co.jp/yconnect/v2/jwks",
    userinfoUrl: "https://userinfo.yahooapis.jp/yconnect/v2/attribute",
    apiBaseUrl: "https://userinfo.yahooapis.jp/yconnect/v2/",
    scope: ["openid"],
    idTokenAlgorithms: ["RS256"],
    refresh: true,
    authorizationParams: { prompt, display, max_age: maxAge, bail: bail ? 1 : undefined },
    facts: {
      docs: "https://developer.yahoo.co.jp/yconnect/v2/authorization_code/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
