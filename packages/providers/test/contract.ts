/**
 * The contract every provider preset is tested against: its documented endpoints, its
 * Flask-Dance defaults, what each of its options does to the authorization request, how it
 * authenticates at the token endpoint, the headers of its API calls, its env names and its
 * refresh behaviour. One file per preset in `contracts/`, named like the preset's file.
 */
import type { OAuth1ProviderDefinition, OAuth2ProviderDefinition, ProviderFacts } from "@dance/core";

/** What a preset must do: an OAuth 2 / OpenID preset or an OAuth 1.0a one. */
export type Contract = OAuth2Contract | OAuth1Contract;

/** What an OAuth 2 / OpenID Connect preset must do. */
export interface OAuth2Contract {
  /** The preset's id (= its file name in src/ and here). */
  id: string;
  protocol: "oauth2" | "oidc";
  /** Options the preset needs to be made at all (a per-instance host, a tenant, a shop …). */
  required?: Record<string, unknown>;
  /** With `required` applied. */
  authorizationUrl: string;
  tokenUrl: string;
  /** Where relative API calls go; null for a provider without an API (Apple). */
  apiBaseUrl: string | null;
  /** Flask-Dance's endpoints where the provider now documents others (kept for the record). */
  flaskDance?: { authorizationUrl: string; tokenUrl: string };
  /** The `scope` parameter sent by default (null = none). */
  defaultScope: string | null;
  /** option → expected authorization parameters (null = absent). */
  options: [Record<string, unknown>, Record<string, string | null>][];
  /** How the client authenticates at the token endpoint (Flask-Dance: Basic, or `include_client_id` → form fields). */
  clientAuth: "client_secret_basic" | "client_secret_post" | "none";
  /** Headers every API call carries besides Authorization (Client-Id, User-Agent, Accept …). */
  apiHeaders?: Record<string, string | RegExp>;
  /** The Authorization scheme of API calls. Default `Bearer`. */
  tokenScheme?: string;
  /** The env names of the credentials. Default `<ID>_OAUTH_CLIENT_ID` / `<ID>_OAUTH_CLIENT_SECRET`. */
  env?: { clientId: string; clientSecret: string };
  /** The refresh behaviour the provider documents (must equal the preset's `facts.refresh`). */
  refresh: ProviderFacts["refresh"];
  /** The provider's own documentation the endpoints were checked against (must equal `facts.docs`). */
  docs: string;
}

/**
 * What an OAuth 1.0a preset must do: its three endpoints, signature method, credentials (options
 * and env names), what its options do to the authorization redirect, the headers it puts on API
 * calls, its docs and refresh table (OAuth 1.0a tokens are never refreshed).
 */
export interface OAuth1Contract {
  /** The preset's id (= its file name in src/ and here). */
  id: string;
  protocol: "oauth1";
  requestTokenUrl: string;
  /** The authorization URL by default. */
  authorizationUrl: string;
  accessTokenUrl: string;
  apiBaseUrl: string;
  signatureMethod: "HMAC-SHA1" | "RSA-SHA1";
  /** The environment variables of the credentials (Flask-Dance's config keys). */
  env: { clientKey: string; clientSecret?: string; rsaKey?: string };
  /** The factory's credential options, by role (Flask-Dance's argument names, camel-cased). */
  credentialOptions: { clientKey: string; clientSecret?: string; rsaKey?: string };
  /** Options every call needs (e.g. Jira's `baseUrl`). */
  required?: Record<string, unknown>;
  /** option → expected authorization URL (null = the default) and its parameters besides oauth_token (null = absent). */
  options: [Record<string, unknown>, { url?: string; params: Record<string, string | null> }][];
  /** Headers the preset puts on API requests that lack them (before signing); `{}` for none. */
  apiHeaders: Record<string, string>;
  /** The refresh behaviour the provider documents (must equal the preset's `facts.refresh`; refreshTokens "no"). */
  refresh: ProviderFacts["refresh"];
  /** The provider's own documentation the endpoints were checked against (must equal `facts.docs`). */
  docs: string;
}

/** A preset factory, as the contract test calls it. */
export type PresetFactory = (options?: Record<string, unknown>) => OAuth2ProviderDefinition | OAuth1ProviderDefinition;
