import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link fitbit} (Flask-Dance's `make_fitbit_blueprint`). */
export interface FitbitOptions<Id extends string = "fitbit"> extends PresetOptions<Id> {
  /** Fitbit scopes, e.g. `["profile", "activity"]`; Fitbit wants at least one. Default: none (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** `prompt`: `none`, `consent`, `login` or `login consent`. */
  prompt?: "none" | "consent" | "login" | "login consent" | undefined;
}

/**
 * Fitbit Web API. Server apps authenticate with HTTP Basic; access tokens live 8 hours and are
 * refreshed automatically (as in Flask-Dance) with single-use refresh tokens. The user may
 * untick scopes: check `session.token.scope`.
 *
 * @example
 * ```ts
 * fitbit({ scope: ["profile", "activity"] }) // session.fetch("1/user/-/profile.json")
 * ```
 * @see https://dev.fitbit.com/build/reference/web-api/developer-guide/authorization
 */
export function fitbit<const Id extends string = "fitbit">(options: FitbitOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { prompt, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "fitbit",
    name: "Fitbit",
    authorizationUrl: "https://www.fitbit.com/oauth2/authorize",
    tokenUrl: "https://api.fitbit.com/oauth2/token",
    revocationUrl: "https://api.fitbit.com/oauth2/revoke",
    apiBaseUrl: "https://api.fitbit.com/",
    refresh: true,
    authorizationParams: { prompt },
    facts: {
      docs: "https://dev.fitbit.com/build/reference/web-api/developer-guide/authorization",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 8 hours; a refresh token can be used once." },
    },
  });
}
