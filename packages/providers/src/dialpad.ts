import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link dialpad}. */
export interface DialpadOptions<Id extends string = "dialpad"> extends PresetOptions<Id> {
  /** Dialpad scopes beyond the default access (special ones are approved per app). Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Dialpad (API v2), production. OAuth apps are registered with Dialpad through a form.
 *
 * @example
 * ```ts
 * dialpad()
 * ```
 * @see https://developers.dialpad.com/docs/oauth
 */
export function dialpad<const Id extends string = "dialpad">(options: DialpadOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "dialpad",
    name: "Dialpad",
    authorizationUrl: "https://dialpad.com/oauth2/authorize",
    tokenUrl: "https://dialpad.com/oauth2/token",
    apiBaseUrl: "https://dialpad.com/api/v2/",
    clientAuth: "client_secret_post",
    facts: {
      docs: "https://developers.dialpad.com/docs/oauth",
      refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "unknown", notes: "Dialpad's docs read for this preset do not say." },
    },
  });
}
