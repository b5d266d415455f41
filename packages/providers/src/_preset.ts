/**
 * What every preset shares: the options it accepts besides its own (credentials, scope,
 * Flask-Dance's `login_url` / `authorized_url` / `redirect_url`, extra parameters, another id),
 * and how they combine with the preset's data — for OAuth 2 / OpenID presets
 * ({@link PresetOptions}, {@link preset}) and OAuth 1.0a ones ({@link OAuth1PresetOptions},
 * {@link oauth1Preset}). Not a preset itself.
 *
 * @module
 */
import type { OAuth1ProviderDefinition, OAuth2ProviderDefinition, ParamValue } from "@dance/core";
import { oauth1Protocol } from "@dance/core/oauth1";

/**
 * Options every preset accepts, on top of its own.
 *
 * @example
 * ```ts
 * github({
 *   clientId: process.env.GH_ID, clientSecret: process.env.GH_SECRET, // default: GITHUB_OAUTH_CLIENT_ID / _SECRET
 *   scope: ["read:user", "repo"],
 *   loginPath: "/auth/github", callbackPath: "/auth/github/callback", redirectTo: "/dashboard",
 * });
 * github({ id: "github-work" }); // a second GitHub app: routes /login/github-work, env GITHUB_WORK_OAUTH_CLIENT_ID
 * ```
 */
export interface PresetOptions<Id extends string> {
  /** Another id for this provider (a second app of one provider, or several instances): its routes and env names follow. */
  id?: Id | undefined;
  /** Default `<ID>_OAUTH_CLIENT_ID`. */
  clientId?: string | undefined;
  /** Default `<ID>_OAUTH_CLIENT_SECRET`. */
  clientSecret?: string | undefined;
  /** The scopes to ask for, replacing the preset's default (a string is split on spaces). */
  scope?: readonly string[] | string | undefined;
  /** Flask-Dance's `login_url`: this provider's login route. */
  loginPath?: string | undefined;
  /** Flask-Dance's `authorized_url`: this provider's callback route (register it at the provider). */
  callbackPath?: string | undefined;
  /** Flask-Dance's `redirect_url`: where this provider's dance ends. */
  redirectTo?: string | undefined;
  /** Extra authorization parameters (Flask-Dance's `authorization_url_params`), over the preset's own. */
  authorizationParams?: Readonly<Record<string, ParamValue>> | undefined;
  /** Extra parameters of the code exchange (Flask-Dance's `token_url_params`). */
  tokenParams?: Readonly<Record<string, string>> | undefined;
  /** Allow plain-http endpoints off loopback (a test instance). */
  allowInsecureRequests?: boolean | undefined;
}

/** Combine a preset's data with the options every preset accepts. */
export function preset<Id extends string>(common: PresetOptions<Id>, data: OAuth2ProviderDefinition): OAuth2ProviderDefinition<Id> {
  const { id, scope, authorizationParams, ...rest } = common;
  const definition: OAuth2ProviderDefinition = { ...data };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) (definition as unknown as Record<string, unknown>)[key] = value;
  if (id !== undefined) definition.id = id;
  if (scope !== undefined) definition.scope = scope;
  if (authorizationParams !== undefined) definition.authorizationParams = { ...data.authorizationParams, ...authorizationParams };
  return definition as OAuth2ProviderDefinition<Id>;
}

/**
 * Options every OAuth 1.0a preset accepts, on top of its own: the OAuth 1 counterpart of
 * {@link PresetOptions} (no scope, no token parameters: RFC 5849 has neither).
 *
 * @example
 * ```ts
 * twitter({
 *   clientKey: process.env.X_KEY, clientSecret: process.env.X_SECRET, // default: TWITTER_OAUTH_CLIENT_KEY / _SECRET
 *   loginPath: "/auth/x", callbackPath: "/auth/x/callback", redirectTo: "/dashboard",
 *   authorizationParams: { lang: "fr" },
 * });
 * twitter({ id: "twitter-brand" }); // a second X app: routes /login/twitter-brand, env TWITTER_BRAND_OAUTH_CLIENT_KEY
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-2
 */
export interface OAuth1PresetOptions<Id extends string> {
  /** Another id for this provider (a second app of one provider, or several instances): its routes and env names follow. */
  id?: Id | undefined;
  /** The client identifier (`oauth_consumer_key`). Default `<ID>_OAUTH_CLIENT_KEY`, or the name the preset documents. */
  clientKey?: string | undefined;
  /** The client shared-secret (HMAC-SHA1). Default `<ID>_OAUTH_CLIENT_SECRET`. */
  clientSecret?: string | undefined;
  /** Flask-Dance's `login_url`: this provider's login route. */
  loginPath?: string | undefined;
  /** Flask-Dance's `authorized_url`: this provider's callback route (register it at the provider). */
  callbackPath?: string | undefined;
  /** Flask-Dance's `redirect_url`: where this provider's dance ends. */
  redirectTo?: string | undefined;
  /** Extra authorization parameters (Flask-Dance's `authorization_url_params`), over the preset's own. */
  authorizationParams?: Readonly<Record<string, ParamValue>> | undefined;
  /** Allow plain-http endpoints off loopback (a test instance). */
  allowInsecureRequests?: boolean | undefined;
}

/** Combine an OAuth 1.0a preset's data with the options every OAuth 1.0a preset accepts, and the protocol (`oauth1Protocol`). */
export function oauth1Preset<Id extends string>(common: OAuth1PresetOptions<Id>, data: Omit<OAuth1ProviderDefinition, "support">): OAuth1ProviderDefinition<Id> {
  const { id, authorizationParams, ...rest } = common;
  const definition: OAuth1ProviderDefinition = { ...data, support: oauth1Protocol };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) (definition as unknown as Record<string, unknown>)[key] = value;
  if (id !== undefined) definition.id = id;
  if (authorizationParams !== undefined) definition.authorizationParams = { ...data.authorizationParams, ...authorizationParams };
  return definition as OAuth1ProviderDefinition<Id>;
}

/**
 * Split the host of a per-instance option (`gitlab.example.com` or `https://gitlab.example.com/prefix`)
 * into an origin plus path, without a trailing slash. A missing or empty value is refused here,
 * for every per-instance preset, rather than becoming `https://undefined`.
 */
export function instanceBase(value: string, option: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`\`${option}\` is required: the host name or base URL of your server, e.g. "auth.example.com"; got ${JSON.stringify(value)}`);
  }
  const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
  if (url.search || url.hash || url.username) throw new TypeError(`\`${option}\` must be a host name or a base URL, got ${JSON.stringify(value)}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
