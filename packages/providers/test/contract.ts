/**
 * The contract every provider preset is tested against: its documented endpoints, its
 * Flask-Dance defaults and what each of its options does to the authorization request. One
 * file per preset in `contracts/`, named like the preset's file.
 */
import type { OAuth2ProviderDefinition } from "@dance/core";

/** What a preset must do. */
export interface Contract {
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

/** A preset factory, as the contract test calls it. */
export type PresetFactory = (options?: Record<string, unknown>) => OAuth2ProviderDefinition;
