import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link polar}. */
export interface PolarOptions<Id extends string = "polar"> extends PresetOptions<Id> {
  /** AccessLink scope. Default `["accesslink.read_all"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Polar AccessLink (Polar Electro's training data API; not Polar.sh). The token carries the
 * user's `x_user_id`; register the user once (`POST users` with your `member-id`) before any data
 * call, or AccessLink answers 403. Tokens are long-lived, without refresh tokens.
 *
 * @example
 * ```ts
 * polar() // then session.fetch("users", { method: "POST", body: JSON.stringify({ "member-id": "u1" }), headers: { "content-type": "application/json" } })
 * ```
 * @see https://www.polar.com/accesslink-api/
 */
export function polar<const Id extends string = "polar">(options: PolarOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "polar",
    name: "Polar AccessLink",
    authorizationUrl: "https://flow.polar.com/oauth2/authorization",
    tokenUrl: "https://polarremote.com/v2/oauth2/token",
    apiBaseUrl: "https://www.polaraccesslink.com/v3/",
    scope: ["accesslink.read_all"],
    // AccessLink answers JSON only when asked for it.
    apiHeaders: { accept: "application/json" },
    tokenHeaders: { accept: "application/json" },
    facts: {
      docs: "https://www.polar.com/accesslink-api/",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "yes", notes: "Access tokens are long-lived; when one lapses the user authorizes again." },
    },
  });
}
