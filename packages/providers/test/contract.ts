/**
 * The contract every provider preset is tested against: its documented endpoints, its
 * Flask-Dance defaults, what each of its options does to the authorization request, how it
 * authenticates at the token endpoint, the headers of its API calls, its env names and its
 * refresh behaviour. One file per preset in `contracts/`, named like the preset's file.
 */
import type { OAuth2ProviderDefinition, ProviderFacts } from "@dance/core";

/** What a preset must do. */
export interface Contract {
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

/** A preset factory, as the contract test calls it. */
export type PresetFactory = (options?: Record<string, unknown>) => OAuth2ProviderDefinition;
