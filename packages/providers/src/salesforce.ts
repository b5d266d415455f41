import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link salesforce} (Flask-Dance's `make_salesforce_blueprint`). */
export interface SalesforceOptions<Id extends string = "salesforce"> extends PresetOptions<Id> {
  /** The login host: your My Domain (`acme.my.salesforce.com`), or `login.salesforce.com` (default) / `test.salesforce.com` (Flask-Dance's `hostname`). */
  hostname?: string | undefined;
  /** Log in on `test.salesforce.com`, the sandbox host, when no `hostname` is given (Flask-Dance's `is_sandbox`). */
  isSandbox?: boolean | undefined;
  /** Salesforce scopes, e.g. `["api", "refresh_token", "openid"]`. Default: none, the connected app's scopes (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** `prompt=consent`: ask for approval again (Flask-Dance's `reprompt_consent`). */
  repromptConsent?: boolean | undefined;
  /** `login_hint`: a username to pre-fill. */
  loginHint?: string | undefined;
  /** Where API calls go: your org's `instance_url` (it is in the token). Default: the login host, as in Flask-Dance. */
  instanceUrl?: string | undefined;
}

/**
 * Salesforce, an OpenID provider per login host: its metadata is discovered from
 * `https://{hostname}`, so an id_token (with the `openid` scope, or when the connected app
 * grants it by default) is verified. Token answers carry no `expires_in`; refresh tokens come
 * with the `refresh_token` scope.
 *
 * @example
 * ```ts
 * salesforce({ hostname: "acme.my.salesforce.com", scope: ["api", "refresh_token", "openid"] }) // session.fetch("services/data/v62.0/")
 * ```
 * @see https://help.salesforce.com/HTViewHelpDoc?id=remoteaccess_oauth_web_server_flow.htm&language=en_US
 */
export function salesforce<const Id extends string = "salesforce">(options: SalesforceOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { hostname, isSandbox, repromptConsent, loginHint, instanceUrl, ...common } = options;
  const base = instanceBase(hostname ?? (isSandbox ? "test.salesforce.com" : "login.salesforce.com"), "hostname");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "salesforce",
    name: "Salesforce",
    issuer: base,
    discovery: true,
    apiBaseUrl: `${instanceUrl ? instanceBase(instanceUrl, "instanceUrl") : base}/`,
    refresh: true,
    authorizationParams: { prompt: repromptConsent ? "consent" : undefined, login_hint: loginHint },
    facts: {
      docs: "https://help.salesforce.com/HTViewHelpDoc?id=remoteaccess_oauth_web_server_flow.htm&language=en_US",
      refresh: {
        refreshTokens: "with the refresh_token (or offline_access) scope",
        rotates: "no",
        expiresIn: "no",
        notes: "Access tokens live as long as the org's session timeout; API calls go to the token's instance_url.",
      },
    },
  });
}
