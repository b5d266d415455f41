import { envPrefix, type OAuth1ProviderDefinition, type OAuth1ProviderHooks } from "@dance/core";
import { instanceBase, oauth1Preset, type OAuth1PresetOptions } from "./_preset.js";
import { readKeyFile } from "./oauth1.js";

/**
 * Options of {@link jira} (Flask-Dance's `make_jira_blueprint`, camel-cased).
 *
 * @example
 * ```ts
 * const options: JiraOptions = { baseUrl: "https://jira.example.com", rsaKey: "/etc/dance/jira.pem" };
 * ```
 * @see https://developer.atlassian.com/server/jira/platform/oauth/
 */
export interface JiraOptions<Id extends string = "jira"> extends Omit<OAuth1PresetOptions<Id>, "clientSecret"> {
  /** The root URL of the Jira instance, e.g. `https://jira.example.com` (required). */
  baseUrl: string;
  /** The consumer key of the Application Link (Flask-Dance `consumer_key`): the same as `clientKey`. Default `JIRA_OAUTH_CONSUMER_KEY`. */
  consumerKey?: string | undefined;
  /**
   * The RSA private key whose public half is on the Application Link (Flask-Dance `rsa_key`):
   * PEM text, or — where `node:fs` exists (Node, Deno, Bun) — the path of a PEM file. Default
   * `JIRA_OAUTH_RSA_KEY`, read the same way.
   */
  rsaKey?: string | CryptoKey | undefined;
}

const hooks: OAuth1ProviderHooks = {
  // Flask-Dance's JsonOAuth1Session: Jira's REST API takes JSON. Label what the caller left unlabelled
  // (fetch calls a string body text/plain), before signing; a form the caller labelled stays a form.
  apiRequest(request) {
    const type = request.headers.get("content-type");
    if (type !== null && type !== "text/plain;charset=UTF-8") return request;
    const headers = new Headers(request.headers);
    headers.set("content-type", "application/json");
    return new Request(request, { headers });
  },
  rsaKeyFile: readKeyFile,
};

/**
 * Jira Server / Data Center with OAuth 1.0a (RSA-SHA1), through an incoming Application Link.
 * The endpoints are resolved against `baseUrl` with a trailing slash added, so a Jira under a
 * context path (`https://example.com/jira`) keeps it (Flask-Dance's RFC 3986 resolution drops it).
 * OAuth 1.0a tokens are not refreshed: when Jira's expires, log in again.
 *
 * @example
 * ```ts
 * const dance = createDance({ secret, providers: [jira({ baseUrl: "https://jira.example.com" })] }); // JIRA_OAUTH_CONSUMER_KEY / JIRA_OAUTH_RSA_KEY
 * const me = await (await (await dance.session(request, "jira")).fetch("rest/api/2/myself")).json();
 * ```
 * @see https://developer.atlassian.com/server/jira/platform/oauth/
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-3.4.3 (RSA-SHA1)
 */
export function jira<const Id extends string = "jira">(options: JiraOptions<Id>): OAuth1ProviderDefinition<Id> {
  const { baseUrl, consumerKey, rsaKey, ...common } = options;
  const base = `${instanceBase(baseUrl, "baseUrl")}/`;
  const at = (path: string) => new URL(path, base).href;
  // Flask-Dance's config names; another id keeps the same shape under its own prefix.
  const prefix = envPrefix(common.id ?? "jira");
  return oauth1Preset(common, {
    protocol: "oauth1",
    id: "jira",
    name: "Jira",
    signatureMethod: "RSA-SHA1",
    clientKey: consumerKey,
    rsaKey,
    env: { clientKey: `${prefix}_OAUTH_CONSUMER_KEY`, rsaKey: `${prefix}_OAUTH_RSA_KEY` },
    requestTokenUrl: at("plugins/servlet/oauth/request-token"),
    authorizationUrl: at("plugins/servlet/oauth/authorize"),
    accessTokenUrl: at("plugins/servlet/oauth/access-token"),
    apiBaseUrl: base,
    hooks,
    facts: {
      docs: "https://developer.atlassian.com/server/jira/platform/oauth/",
      refresh: {
        refreshTokens: "no",
        rotates: "no",
        expiresIn: "no",
        notes: "OAuth 1.0a access tokens are not refreshed. Jira's are long-lived (years, a server setting) and end when the user revokes them: then log in again.",
      },
    },
  });
}
