import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link withings}. */
export interface WithingsOptions<Id extends string = "withings"> extends PresetOptions<Id> {
  /** Withings scopes: `user.info`, `user.metrics`, `user.activity`, `user.sleepevents`. Default `["user.info"]`. */
  scope?: readonly string[] | string | undefined;
}

/** Withings' token endpoint: an `action` field, a `{ status, body }` envelope, errors with HTTP 200. */
export const withingsHooks: ProviderHooks = {
  // The token endpoint is an action endpoint: code exchanges and refreshes both name theirs.
  tokenRequest(body) {
    body.set("action", "requesttoken");
  },
  // Answers come as { status, body }: status 0 carries the token in `body`; any other status is an error, sent with HTTP 200.
  tokenResponse(answer) {
    const { status, body, error } = answer.body;
    if (typeof status === "number") {
      if (status === 0 && typeof body === "object" && body !== null) return { status: answer.status, body: body as Record<string, unknown> };
      return { status: 400, body: { error: `withings_status_${status}`, ...(typeof error === "string" ? { error_description: error } : {}) } };
    }
    return answer.status === 200 && typeof answer.body.error === "string" && answer.body.access_token === undefined ? { ...answer, status: 400 } : answer;
  },
};

/**
 * Withings (the Public Health Data API). The token endpoint wants `action=requesttoken`, wraps
 * its answers in `{ status, body }` and reports errors with HTTP 200 and a non-zero status;
 * scopes go out comma-separated (`scopeSeparator: ","`). The token carries the user's `userid`;
 * API calls are actions, e.g. `session.fetch("measure?action=getmeas")`.
 *
 * @example
 * ```ts
 * withings({ scope: ["user.info", "user.metrics"] })
 * ```
 * @see https://developer.withings.com/developer-guide/v3/integration-guide/public-health-data-api/get-access/oauth-web-flow
 */
export function withings<const Id extends string = "withings">(options: WithingsOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "withings",
    name: "Withings",
    authorizationUrl: "https://account.withings.com/oauth2_user/authorize2",
    tokenUrl: "https://wbsapi.withings.net/v2/oauth2",
    apiBaseUrl: "https://wbsapi.withings.net/",
    scope: ["user.info"],
    // Withings documents a comma-separated scope list (user.info,user.metrics).
    scopeSeparator: ",",
    clientAuth: "client_secret_post",
    refresh: true,
    hooks: withingsHooks,
    facts: {
      docs: "https://developer.withings.com/developer-guide/v3/integration-guide/public-health-data-api/get-access/oauth-web-flow",
      refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 3 hours; each refresh returns a new refresh token that replaces the old one." },
      tokenErrorStatus: 200,
    },
  });
}
