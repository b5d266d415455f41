import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link mailru}. */
export interface MailruOptions<Id extends string = "mailru"> extends PresetOptions<Id> {
  /** Default `["userinfo"]`, space-separated like every other. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Mail.ru (oauth.mail.ru, also reachable as o2.mail.ru). The user is `session.fetch("userinfo")`.
 *
 * @example
 * ```ts
 * mailru() // MAILRU_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://biz.mail.ru/developer/oauth.html
 */
export function mailru<const Id extends string = "mailru">(options: MailruOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "mailru",
    name: "Mail.ru",
    authorizationUrl: "https://oauth.mail.ru/login",
    tokenUrl: "https://oauth.mail.ru/token",
    apiBaseUrl: "https://oauth.mail.ru/",
    scope: ["userinfo"],
    refresh: true,
    facts: {
      docs: "https://biz.mail.ru/developer/oauth.html",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Newer apps are reported to get a refresh token only with offline_access and prompt=consent." },
    },
  });
}
