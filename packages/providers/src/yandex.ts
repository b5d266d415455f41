import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link yandex}. */
export interface YandexOptions<Id extends string = "yandex"> extends PresetOptions<Id> {
  /** Default `["login:info"]`; add `login:email`, `login:avatar`. A subset of the app's registered permissions. */
  scope?: readonly string[] | string | undefined;
  /** `optional_scope`: permissions the user may decline, space-separated. */
  optionalScope?: string | undefined;
  /** `force_confirm=yes`: always show the consent screen. */
  forceConfirm?: boolean | undefined;
  /** `login_hint`: the account to pre-fill. */
  loginHint?: string | undefined;
  /** `device_id`: the device the token is for (6–50 characters); a token can only be revoked with it. */
  deviceId?: string | undefined;
  /** `device_name`: the device's name, shown to the user. */
  deviceName?: string | undefined;
}

/**
 * Yandex ID. API calls carry `Authorization: OAuth <token>`, Yandex's scheme. The user is
 * `session.fetch("info?format=json")` on login.yandex.ru.
 *
 * @example
 * ```ts
 * yandex({ scope: ["login:info", "login:email"] })
 * ```
 * @see https://yandex.com/dev/id/doc/en/codes/code-url
 */
export function yandex<const Id extends string = "yandex">(options: YandexOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { optionalScope, forceConfirm, loginHint, deviceId, deviceName, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "yandex",
    name: "Yandex",
    authorizationUrl: "https://oauth.yandex.com/authorize",
    tokenUrl: "https://oauth.yandex.com/token",
    apiBaseUrl: "https://login.yandex.ru/",
    scope: ["login:info"],
    tokenScheme: "OAuth",
    refresh: true,
    authorizationParams: { optional_scope: optionalScope, force_confirm: forceConfirm ? "yes" : undefined, login_hint: loginHint, device_id: deviceId, device_name: deviceName },
    facts: {
      docs: "https://yandex.com/dev/id/doc/en/codes/code-url",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Tokens live about a year." },
    },
  });
}
