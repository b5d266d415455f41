import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link gitlab} (Flask-Dance's `make_gitlab_blueprint`). */
export interface GitLabOptions<Id extends string = "gitlab"> extends PresetOptions<Id> {
  /** The GitLab instance: a host name, or a base URL for an instance under a path. Default `gitlab.com` (Flask-Dance's `hostname`). */
  hostname?: string | undefined;
  /** GitLab scopes, e.g. `["read_user"]`, `["api"]`; add `openid` for a verified id_token. Default: none (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
}

/**
 * GitLab, on gitlab.com or a self-managed instance. Flask-Dance's `verify_tls_certificates=False`
 * has no equivalent: give the instance a certificate the runtime trusts (or `allowInsecureRequests`
 * for an http test instance).
 *
 * @example
 * ```ts
 * gitlab({ hostname: "gitlab.example.com", scope: ["read_user"] })
 * ```
 * @see https://docs.gitlab.com/api/oauth2/
 */
export function gitlab<const Id extends string = "gitlab">(options: GitLabOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { hostname = "gitlab.com", ...common } = options;
  const base = instanceBase(hostname, "hostname");
  return preset(common, {
    protocol: "oauth2",
    id: "gitlab",
    name: "GitLab",
    authorizationUrl: `${base}/oauth/authorize`,
    tokenUrl: `${base}/oauth/token`,
    revocationUrl: `${base}/oauth/revoke`,
    apiBaseUrl: `${base}/api/v4/`,
    refresh: true,
    facts: {
      docs: "https://docs.gitlab.com/api/oauth2/",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 2 hours." },
    },
  });
}
