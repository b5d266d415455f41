import type { OAuth2ProviderDefinition } from "@dance/core";

/** Options of {@link google} (Flask-Dance's `make_google_blueprint` options, camel-cased). */
export interface GoogleOptions {
  /** Default `GOOGLE_OAUTH_CLIENT_ID`. */
  clientId?: string;
  /** Default `GOOGLE_OAUTH_CLIENT_SECRET`. */
  clientSecret?: string;
  /** Default `["https://www.googleapis.com/auth/userinfo.profile"]` (Flask-Dance); add `"openid"` for a verified id_token. */
  scope?: readonly string[] | string;
  /** `access_type=offline`: get a refresh token, and refresh expired tokens automatically. */
  offline?: boolean;
  /** `prompt=consent`: ask for consent again (Google only re-sends a refresh token then). */
  repromptConsent?: boolean;
  /** `prompt=select_account`: let the user pick another account. */
  repromptSelectAccount?: boolean;
  /** `hd=`: a Google Workspace domain to pre-select (check the `hd` claim yourself to enforce it). */
  hostedDomain?: string;
  /** `login_hint=`: an e-mail address to pre-fill. */
  loginHint?: string;
}

/**
 * Google, as an OpenID provider with pinned metadata (no discovery round-trip).
 * @see https://developers.google.com/identity/openid-connect/openid-connect
 * @see https://accounts.google.com/.well-known/openid-configuration
 */
export function google(options: GoogleOptions = {}): OAuth2ProviderDefinition<"google"> {
  const prompt = [options.repromptConsent && "consent", options.repromptSelectAccount && "select_account"].filter(Boolean).join(" ");
  return {
    protocol: "oidc",
    id: "google",
    name: "Google",
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    issuer: "https://accounts.google.com",
    authorizationUrl: "https://accounts.google.com/o/oauth2/v2/auth",
    tokenUrl: "https://oauth2.googleapis.com/token",
    jwksUrl: "https://www.googleapis.com/oauth2/v3/certs",
    userinfoUrl: "https://openidconnect.googleapis.com/v1/userinfo",
    revocationUrl: "https://oauth2.googleapis.com/revoke",
    apiBaseUrl: "https://www.googleapis.com/",
    // Google's APIs live on many hosts; these are the common ones. Add yours with a custom provider's apiOrigins.
    apiOrigins: ["https://people.googleapis.com", "https://gmail.googleapis.com", "https://oauth2.googleapis.com"],
    scope: options.scope ?? ["https://www.googleapis.com/auth/userinfo.profile"],
    idTokenAlgorithms: ["RS256"],
    refresh: options.offline === true,
    authorizationParams: {
      access_type: options.offline ? "offline" : undefined,
      prompt: prompt || undefined,
      hd: options.hostedDomain,
      login_hint: options.loginHint,
    },
  };
}
