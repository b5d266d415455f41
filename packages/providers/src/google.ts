import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link google} (Flask-Dance's `make_google_blueprint` options, camel-cased). */
export interface GoogleOptions<Id extends string = "google"> extends PresetOptions<Id> {
  /** Default `["https://www.googleapis.com/auth/userinfo.profile"]` (Flask-Dance); add `"openid"` for a verified id_token. */
  scope?: readonly string[] | string | undefined;
  /** `access_type=offline`: get a refresh token, and refresh expired tokens automatically. */
  offline?: boolean | undefined;
  /** `prompt=consent`: ask for consent again (Google only re-sends a refresh token then). */
  repromptConsent?: boolean | undefined;
  /** `prompt=select_account`: let the user pick another account. */
  repromptSelectAccount?: boolean | undefined;
  /** `hd=`: a Google Workspace domain to pre-select (check the `hd` claim yourself to enforce it). */
  hostedDomain?: string | undefined;
  /** `login_hint=`: an e-mail address to pre-fill. */
  loginHint?: string | undefined;
  /** `include_granted_scopes=true`: incremental authorization keeps the scopes granted before. */
  includeGrantedScopes?: boolean | undefined;
}

/**
 * Google, as an OpenID provider with pinned metadata (no discovery round-trip). Flask-Dance's
 * `/o/oauth2/auth` and `/o/oauth2/token` are Google's old paths; these are the ones its
 * discovery document lists today.
 *
 * @example
 * ```ts
 * google({ scope: ["openid", "email"], offline: true, hostedDomain: "example.com" })
 * ```
 * @see https://developers.google.com/identity/openid-connect/openid-connect
 * @see https://accounts.google.com/.well-known/openid-configuration
 */
export function google<const Id extends string = "google">(options: GoogleOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { offline, repromptConsent, repromptSelectAccount, hostedDomain, loginHint, includeGrantedScopes, ...common } = options;
  const prompt = [repromptConsent && "consent", repromptSelectAccount && "select_account"].filter(Boolean).join(" ");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "google",
    name: "Google",
    issuer: "https://accounts.google.com",
    authorizationUrl: "https://accounts.google.com/o/oauth2/v2/auth",
    tokenUrl: "https://oauth2.googleapis.com/token",
    jwksUrl: "https://www.googleapis.com/oauth2/v3/certs",
    userinfoUrl: "https://openidconnect.googleapis.com/v1/userinfo",
    revocationUrl: "https://oauth2.googleapis.com/revoke",
    apiBaseUrl: "https://www.googleapis.com/",
    // Google's APIs live on many hosts; these are the common ones. Add yours with `apiOrigins` on a custom provider.
    apiOrigins: ["https://people.googleapis.com", "https://gmail.googleapis.com", "https://oauth2.googleapis.com"],
    scope: ["https://www.googleapis.com/auth/userinfo.profile"],
    idTokenAlgorithms: ["RS256"],
    refresh: offline === true,
    authorizationParams: {
      access_type: offline ? "offline" : undefined,
      prompt: prompt || undefined,
      hd: hostedDomain,
      login_hint: loginHint,
      include_granted_scopes: includeGrantedScopes ? "true" : undefined,
    },
    facts: {
      docs: "https://developers.google.com/identity/protocols/oauth2/web-server",
      refresh: {
        refreshTokens: "with access_type=offline (offline: true), on the first consent",
        rotates: "no",
        expiresIn: "yes",
        notes: "Access tokens live 1 hour. A refresh token is only sent again with prompt=consent.",
      },
    },
  });
}
