import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link dropbox} (Flask-Dance's `make_dropbox_blueprint`). */
export interface DropboxOptions<Id extends string = "dropbox"> extends PresetOptions<Id> {
  /** Dropbox scopes of a scoped app, e.g. `["account_info.read", "files.content.read"]`. Default: none, the app's configured scopes (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** `token_access_type=offline`: get a refresh token (Flask-Dance's `offline`). */
  offline?: boolean | undefined;
  /** `force_reapprove=true`: ask the user to approve the app again. */
  forceReapprove?: boolean | undefined;
  /** `disable_signup=true`: hide "Create an account". */
  disableSignup?: boolean | undefined;
  /** `require_role`: `work` or `personal`, the kind of account to sign in with. */
  requireRole?: "work" | "personal" | undefined;
}

const hooks: ProviderHooks = {
  // Dropbox revokes the token it is called with (no RFC 7009 endpoint).
  // https://www.dropbox.com/developers/documentation/http/documentation#auth-token-revoke
  async revoke(token, { fetch }) {
    const response = await fetch("https://api.dropboxapi.com/2/auth/token/revoke", { method: "POST", headers: { authorization: `Bearer ${token.access_token}` } });
    await response.body?.cancel();
    if (!response.ok && response.status !== 401) throw new Error(`Dropbox answered HTTP ${response.status} to the token revocation`);
  },
};

/**
 * Dropbox. Flask-Dance's token endpoint and API base are on the old host api.dropbox.com; these
 * are on api.dropboxapi.com, where Dropbox documents them. API calls are RPC-style POSTs
 * (`session.fetch("users/get_current_account", { method: "POST" })`); file content goes to
 * content.dropboxapi.com. Tokens are short-lived: ask for `offline` to refresh them. For the
 * `openid` scope (an id_token), use `oidc()` instead: this preset is plain OAuth 2.
 *
 * @example
 * ```ts
 * dropbox({ offline: true, scope: ["account_info.read"] })
 * ```
 * @see https://developers.dropbox.com/oauth-guide
 */
export function dropbox<const Id extends string = "dropbox">(options: DropboxOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { offline, forceReapprove, disableSignup, requireRole, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "dropbox",
    name: "Dropbox",
    authorizationUrl: "https://www.dropbox.com/oauth2/authorize",
    tokenUrl: "https://api.dropboxapi.com/oauth2/token",
    apiBaseUrl: "https://api.dropboxapi.com/2/",
    apiOrigins: ["https://content.dropboxapi.com"],
    refresh: true,
    authorizationParams: {
      token_access_type: offline ? "offline" : undefined,
      force_reapprove: forceReapprove ? "true" : undefined,
      disable_signup: disableSignup ? "true" : undefined,
      require_role: requireRole,
    },
    hooks,
    facts: {
      docs: "https://developers.dropbox.com/oauth-guide",
      refresh: { refreshTokens: "with token_access_type=offline (offline: true)", rotates: "no", expiresIn: "yes", notes: "Access tokens are short-lived (4 hours); the refresh token is long-lived and stays the same." },
    },
  });
}
