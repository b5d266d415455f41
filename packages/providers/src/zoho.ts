import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link zoho} (Flask-Dance's `make_zoho_blueprint`). */
export interface ZohoOptions<Id extends string = "zoho"> extends PresetOptions<Id> {
  /** Zoho scopes, sent comma-separated, e.g. `["ZohoCRM.users.ALL", "AaaServer.profile.Read"]`. Default `["ZohoCRM.users.all"]` (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** `access_type=offline` (a refresh token) instead of `online`; one of the two is always sent, as in Flask-Dance. */
  offline?: boolean | undefined;
  /** `prompt=consent`: ask again (Zoho only sends a new refresh token then) (Flask-Dance's `reprompt_consent`). */
  repromptConsent?: boolean | undefined;
  /** The accounts server of the app's data centre, e.g. `accounts.zoho.eu`. Default `accounts.zoho.com` (Flask-Dance's only one). */
  accountsServer?: string | undefined;
  /** The API domain of that data centre (the token's `api_domain`), e.g. `https://www.zohoapis.eu`. Default `https://www.zohoapis.com`. */
  apiDomain?: string | undefined;
}

const hooks: ProviderHooks = {
  // Zoho answers token errors (invalid_code, invalid_client) with HTTP 200: make them the 400 they are.
  tokenResponse: (answer) =>
    answer.status === 200 && typeof answer.body.error === "string" && answer.body.access_token === undefined ? { ...answer, status: 400 } : answer,
};

/**
 * Zoho (CRM, Books, Desk … through Zoho Accounts). API calls carry
 * `Authorization: Zoho-oauthtoken <token>`, as Flask-Dance sends them. An app of another data
 * centre names its accounts server and API domain (one data centre per preset: Zoho's
 * multi-DC callbacks, which name the user's accounts server, are not followed).
 *
 * @example
 * ```ts
 * zoho({ scope: ["ZohoCRM.users.READ"], offline: true, accountsServer: "accounts.zoho.eu", apiDomain: "https://www.zohoapis.eu" })
 * ```
 * @see https://www.zoho.com/accounts/protocol/oauth/web-server-applications.html
 */
export function zoho<const Id extends string = "zoho">(options: ZohoOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { offline, repromptConsent, accountsServer = "accounts.zoho.com", apiDomain = "https://www.zohoapis.com", ...common } = options;
  const accounts = instanceBase(accountsServer, "accountsServer");
  return preset(common, {
    protocol: "oauth2",
    id: "zoho",
    name: "Zoho",
    authorizationUrl: `${accounts}/oauth/v2/auth`,
    tokenUrl: `${accounts}/oauth/v2/token`,
    apiBaseUrl: `${instanceBase(apiDomain, "apiDomain")}/`,
    // The user's profile is on the accounts server (oauth/user/info).
    apiOrigins: [new URL(accounts).origin],
    scope: ["ZohoCRM.users.all"],
    // Zoho documents scopes as a comma-separated list.
    scopeSeparator: ",",
    tokenScheme: "Zoho-oauthtoken",
    refresh: true,
    authorizationParams: { access_type: offline ? "offline" : "online", prompt: repromptConsent ? "consent" : undefined },
    hooks,
    facts: {
      docs: "https://www.zoho.com/accounts/protocol/oauth/web-server-applications.html",
      refresh: {
        refreshTokens: "with access_type=offline (offline: true), on the first consent",
        rotates: "no",
        expiresIn: "yes",
        notes: "Access tokens live 1 hour; Zoho keeps a limited number of refresh tokens per user and app.",
      },
      tokenErrorStatus: 200,
    },
  });
}
