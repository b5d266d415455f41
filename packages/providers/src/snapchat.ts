import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link snapchat}. */
export interface SnapchatOptions<Id extends string = "snapchat"> extends PresetOptions<Id> {
  /** Full-URL scopes. Default `["https://auth.snapchat.com/oauth2/api/user.external_id"]`; add `…/user.display_name`, `…/user.bitmoji.avatar`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Snapchat Login Kit, as plain OAuth 2 (Snap deprecated the SDKs). Needs a confidential OAuth
 * client from the Snap Kit portal and an https redirect URI. There is no e-mail; the user is a
 * GraphQL query over GET: `session.fetch("me?query=" + encodeURIComponent("{me{externalId displayName}}"))`.
 *
 * @example
 * ```ts
 * snapchat({ scope: ["https://auth.snapchat.com/oauth2/api/user.external_id", "https://auth.snapchat.com/oauth2/api/user.display_name"] })
 * ```
 * @see https://developers.snap.com/snap-kit/login-kit/overview
 */
export function snapchat<const Id extends string = "snapchat">(options: SnapchatOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "snapchat",
    name: "Snapchat",
    authorizationUrl: "https://accounts.snapchat.com/accounts/oauth2/auth",
    tokenUrl: "https://accounts.snapchat.com/login/oauth2/access_token",
    apiBaseUrl: "https://kit.snapchat.com/v1/",
    scope: ["https://auth.snapchat.com/oauth2/api/user.external_id"],
    refresh: true,
    facts: {
      docs: "https://developers.snap.com/snap-kit/login-kit/overview",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
