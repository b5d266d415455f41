import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link bungie}. */
export interface BungieOptions<Id extends string = "bungie"> extends PresetOptions<Id> {
  /** Your application's API key, sent as `X-API-Key` with every API call. Required. */
  apiKey: string;
  /** `reauth=true`: make the user confirm again even when already signed in. */
  reauth?: boolean | undefined;
  /** Leave unset: Bungie fixes the scopes at registration and wants no `scope` parameter. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Bungie.net (Destiny). Scopes are chosen when registering the app and the authorization
 * request must carry none; one redirect URL is registered. Every API call carries the app's
 * API key (`X-API-Key`); answers are wrapped (`{ Response, ErrorCode, Message }`) and can report
 * errors with HTTP 200. Only confidential clients (with a secret) get refresh tokens.
 *
 * @example
 * ```ts
 * bungie({ apiKey: process.env.BUNGIE_API_KEY! }) // session.fetch("User/GetMembershipsForCurrentUser/")
 * ```
 * @see https://github.com/Bungie-net/api/wiki/OAuth-Documentation
 */
export function bungie<const Id extends string = "bungie">(options: BungieOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { apiKey, reauth, ...common } = options;
  if (typeof apiKey !== "string" || apiKey === "") throw new TypeError("bungie(): `apiKey` (your application's X-API-Key) is required");
  return preset(common, {
    protocol: "oauth2",
    id: "bungie",
    name: "Bungie.net",
    authorizationUrl: "https://www.bungie.net/en/OAuth/Authorize",
    tokenUrl: "https://www.bungie.net/Platform/App/OAuth/token/",
    apiBaseUrl: "https://www.bungie.net/Platform/",
    // Confidential clients authenticate with HTTP Basic (Bungie's OAuth documentation).
    clientAuth: "client_secret_basic",
    refresh: true,
    authorizationParams: { reauth: reauth ? "true" : undefined },
    apiHeaders: { "x-api-key": apiKey },
    facts: {
      docs: "https://github.com/Bungie-net/api/wiki/OAuth-Documentation",
      refresh: { refreshTokens: "confidential clients only", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about an hour; the answer adds refresh_expires_in and membership_id." },
    },
  });
}
