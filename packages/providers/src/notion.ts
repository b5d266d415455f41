import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link notion}. */
export interface NotionOptions<Id extends string = "notion"> extends PresetOptions<Id> {
  /** Notion has no scopes: the user picks the pages to share on the consent screen. Default: none. */
  scope?: readonly string[] | string | undefined;
  /** The `Notion-Version` header of API calls. Default `2022-06-28`. */
  notionVersion?: string | undefined;
}

/**
 * Notion (a public integration). The authorization URL carries `owner=user`; every API call
 * carries `Notion-Version`. The token answer already names the user (`owner.user`), the
 * workspace and the bot; `session.fetch("users/me")` is the bot.
 *
 * @example
 * ```ts
 * notion({ notionVersion: "2025-09-03" })
 * ```
 * @see https://developers.notion.com/docs/authorization
 */
export function notion<const Id extends string = "notion">(options: NotionOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { notionVersion = "2022-06-28", ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "notion",
    name: "Notion",
    authorizationUrl: "https://api.notion.com/v1/oauth/authorize",
    tokenUrl: "https://api.notion.com/v1/oauth/token",
    apiBaseUrl: "https://api.notion.com/v1/",
    refresh: true,
    authorizationParams: { owner: "user" },
    apiHeaders: { "notion-version": notionVersion },
    facts: {
      docs: "https://developers.notion.com/docs/authorization",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "not documented", notes: "The token reference documents refresh_token and a refresh grant; older integrations got tokens that never expire." },
    },
  });
}
