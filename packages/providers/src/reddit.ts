import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link reddit} (Flask-Dance's `make_reddit_blueprint`). */
export interface RedditOptions<Id extends string = "reddit"> extends PresetOptions<Id> {
  /** Reddit scopes. Default `["identity"]` (Flask-Dance). */
  scope?: readonly string[] | string | undefined;
  /** `duration=permanent`: get a refresh token (Flask-Dance's `permanent`). */
  permanent?: boolean | undefined;
  /** The User-Agent of token and API requests; Reddit blocks generic ones. Default `Dance` (Flask-Dance: `Flask-Dance/7.1.0`). Use `<platform>:<app id>:<version> (by /u/<you>)`. */
  userAgent?: string | undefined;
}

/**
 * Reddit. Tokens come from www.reddit.com, API calls go to oauth.reddit.com, both with a
 * descriptive User-Agent; refresh with `permanent: true`.
 *
 * @example
 * ```ts
 * reddit({ permanent: true, userAgent: "web:com.example.app:1.0 (by /u/example)" })
 * ```
 * @see https://github.com/reddit-archive/reddit/wiki/oauth2
 */
export function reddit<const Id extends string = "reddit">(options: RedditOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { permanent, userAgent = "Dance", ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "reddit",
    name: "Reddit",
    authorizationUrl: "https://www.reddit.com/api/v1/authorize",
    tokenUrl: "https://www.reddit.com/api/v1/access_token",
    revocationUrl: "https://www.reddit.com/api/v1/revoke_token",
    apiBaseUrl: "https://oauth.reddit.com/",
    scope: ["identity"],
    // Flask-Dance always refreshes; Reddit only issues refresh tokens with duration=permanent.
    refresh: true,
    authorizationParams: { duration: permanent ? "permanent" : undefined },
    apiHeaders: { "user-agent": userAgent },
    tokenHeaders: { "user-agent": userAgent },
    facts: {
      docs: "https://github.com/reddit-archive/reddit/wiki/oauth2",
      refresh: { refreshTokens: "with duration=permanent", rotates: "no", expiresIn: "yes", notes: "Access tokens live 1 hour." },
    },
  });
}
