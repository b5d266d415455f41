/**
 * The contract every provider preset is tested against: its documented endpoints, its
 * Flask-Dance defaults and what each of its options does to the authorization request. One
 * file per preset in `contracts/`, named like the preset's file.
 */
import type { OAuth1ProviderDefinition, OAuth2ProviderDefinition } from "@dance/core";

/** What a preset must do: an OAuth 2 / OpenID preset or an OAuth 1.0a one. */
export type Contract = OAuth2Contract | OAuth1Contract;

/** What an OAuth 2 / OpenID Connect preset must do. */
export interface OAuth2Contract {
  /** The preset's id (= its file name in src/ and here). */
  id: string;
  protocol: "oauth2" | "oidc";
  authorizationUrl: string;
  tokenUrl: string;
  apiBaseUrl: string;
  /** Flask-Dance's endpoints where the provider now documents others (kept for the record). */
  flaskDance?: { authorizationUrl: string; tokenUrl: string };
  /** The `scope` parameter sent by default (null = none). */
  defaultScope: string | null;
  /** option → expected authorization parameters (null = absent). */
  options: [Record<string, unknown>, Record<string, string | null>][];
  /** The provider's own documentation the endpoints were checked against. */
  docs: string;
}

/** What an OAuth 1.0a preset must do. */
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
  /** The provider's own documentation the endpoints were checked against. */
  docs: string;
}

/** A preset factory, as the contract test calls it. */
export type PresetFactory = (options?: Record<string, unknown>) => OAuth2ProviderDefinition | OAuth1ProviderDefinition;
