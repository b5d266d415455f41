import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link heroku} (Flask-Dance's `make_heroku_blueprint`). */
export interface HerokuOptions<Id extends string = "heroku"> extends PresetOptions<Id> {
  /** Heroku scopes: `identity`, `read`, `write`, `read-protected`, `write-protected`, `global`. Default: none (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** The Platform API version, sent as `Accept: application/vnd.heroku+json; version=…` on API calls. Default `3` (Flask-Dance's `api_version`). */
  apiVersion?: string | undefined;
}

/**
 * Heroku's Platform API. Every API call carries the versioned `Accept` header Heroku requires
 * (the token request keeps `application/json`).
 *
 * @example
 * ```ts
 * heroku({ scope: ["identity"] }) // session.fetch("account")
 * ```
 * @see https://devcenter.heroku.com/articles/oauth
 */
export function heroku<const Id extends string = "heroku">(options: HerokuOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { apiVersion = "3", ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "heroku",
    name: "Heroku",
    authorizationUrl: "https://id.heroku.com/oauth/authorize",
    tokenUrl: "https://id.heroku.com/oauth/token",
    apiBaseUrl: "https://api.heroku.com/",
    refresh: true,
    apiHeaders: { accept: `application/vnd.heroku+json; version=${apiVersion}` },
    facts: {
      docs: "https://devcenter.heroku.com/articles/oauth",
      refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 8 hours; refresh tokens do not expire." },
    },
  });
}
