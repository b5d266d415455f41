import type { OAuth2ProviderDefinition, ProviderHooks, TokenAnswer } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link instagram}. */
export interface InstagramOptions<Id extends string = "instagram"> extends PresetOptions<Id> {
  /** Default `["instagram_business_basic"]`; add `instagram_business_content_publish`, `instagram_business_manage_comments`, … */
  scope?: readonly string[] | string | undefined;
  /** `force_reauth=true`: always show the login screen. */
  forceReauth?: boolean | undefined;
}

/**
 * Meta documents the answer as `{ data: [{ access_token, user_id, permissions }] }`: the token is
 * the first entry. The API also answers it flat, which passes as it is. (Neither has a
 * token_type: Dance's core reads that as bearer.)
 */
function instagramToken(answer: TokenAnswer): TokenAnswer {
  if (answer.status !== 200 || answer.body.access_token !== undefined) return answer;
  const [first] = Array.isArray(answer.body.data) ? (answer.body.data as unknown[]) : [];
  if (typeof first !== "object" || first === null || typeof (first as Record<string, unknown>).access_token !== "string") return answer;
  return { ...answer, body: first as Record<string, unknown> };
}

const hooks: ProviderHooks = {
  tokenResponse: instagramToken,
};

/**
 * Instagram API with Instagram Login (Business Login): professional accounts (Business or
 * Creator) only — the consumer Basic Display API that older libraries use was shut down on
 * 4 December 2024. The code gives a 1-hour token without refresh; Meta's `ig_exchange_token`
 * call (GET graph.instagram.com/access_token) trades it for a 60-day one. The client id is
 * the Instagram app id, not the Meta app id. Scopes are comma-separated (`scopeSeparator: ","`).
 * The user is `session.fetch("me?fields=user_id,username")`.
 *
 * @example
 * ```ts
 * instagram({ scope: ["instagram_business_basic", "instagram_business_content_publish"] })
 * ```
 * @see https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-instagram-login/business-login
 */
export function instagram<const Id extends string = "instagram">(options: InstagramOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { forceReauth, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "instagram",
    name: "Instagram",
    authorizationUrl: "https://www.instagram.com/oauth/authorize",
    tokenUrl: "https://api.instagram.com/oauth/access_token",
    apiBaseUrl: "https://graph.instagram.com/",
    scope: ["instagram_business_basic"],
    // Instagram joins scopes with commas.
    scopeSeparator: ",",
    clientAuth: "client_secret_post",
    authorizationParams: { force_reauth: forceReauth ? "true" : undefined },
    hooks,
    facts: {
      docs: "https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-instagram-login/business-login",
      refresh: {
        refreshTokens: "no",
        rotates: "no",
        expiresIn: "no",
        notes: "The code gives a 1-hour token; ig_exchange_token makes it a 60-day one, which ig_refresh_token extends once it is a day old.",
      },
    },
  });
}
