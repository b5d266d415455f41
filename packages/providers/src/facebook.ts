import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link facebook} (Flask-Dance's `make_facebook_blueprint`). */
export interface FacebookOptions<Id extends string = "facebook"> extends PresetOptions<Id> {
  /** Facebook permissions, e.g. `["email", "public_profile"]` (sent comma-separated). Default: none (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** `auth_type=rerequest`: ask again for permissions the user declined (Flask-Dance's `rerequest_declined_permissions`). */
  rerequestDeclinedPermissions?: boolean | undefined;
  /** A Graph API version, e.g. `v23.0`, for the dialog, token and API paths. Default: none, the app's default version (Flask-Dance). */
  version?: string | undefined;
}

function hooks(api: string): ProviderHooks {
  return {
    // Facebook has no RFC 7009 endpoint: deleting the user's permissions logs the app out.
    // https://developers.facebook.com/docs/facebook-login/guides/permissions/request-revoke
    async revoke(token, { fetch }) {
      const response = await fetch(`${api}me/permissions`, { method: "DELETE", headers: { authorization: `Bearer ${token.access_token}` } });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`Facebook answered HTTP ${response.status} to the permissions deletion`);
    },
  };
}

/**
 * Facebook Login. No refresh tokens: a user token lives hours, or about 60 days once exchanged
 * for a long-lived one (`grant_type=fb_exchange_token`). `GET me` returns only id and name
 * unless asked for `fields`. Apps that require `appsecret_proof` must add it to their calls.
 * Permissions go out comma-separated (`scopeSeparator: ","`).
 *
 * @example
 * ```ts
 * facebook({ scope: ["email", "public_profile"], version: "v23.0" }) // session.fetch("me?fields=id,name,email")
 * ```
 * @see https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow
 */
export function facebook<const Id extends string = "facebook">(options: FacebookOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { rerequestDeclinedPermissions, version, ...common } = options;
  if (version !== undefined && !/^v\d+\.\d+$/.test(version)) throw new TypeError(`facebook(): \`version\` must look like "v23.0", got ${JSON.stringify(version)}`);
  const path = version ? `${version}/` : "";
  const api = `https://graph.facebook.com/${path}`;
  return preset(common, {
    protocol: "oauth2",
    id: "facebook",
    name: "Facebook",
    authorizationUrl: `https://www.facebook.com/${path}dialog/oauth`,
    tokenUrl: `${api}oauth/access_token`,
    apiBaseUrl: api,
    // Facebook documents permissions as a comma-separated list.
    scopeSeparator: ",",
    authorizationParams: { auth_type: rerequestDeclinedPermissions ? "rerequest" : undefined },
    hooks: hooks(api),
    facts: {
      docs: "https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow",
      refresh: {
        refreshTokens: "no",
        rotates: "no",
        expiresIn: "yes",
        notes: "Exchange a short-lived user token (hours) for a long-lived one (about 60 days) with grant_type=fb_exchange_token.",
      },
    },
  });
}
