import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link discord} (Flask-Dance's `make_discord_blueprint`). */
export interface DiscordOptions<Id extends string = "discord"> extends PresetOptions<Id> {
  /** Discord scopes. Default `["identify"]` (Flask-Dance); add `email` for the address. */
  scope?: readonly string[] | string | undefined;
  /** `consent` (default, as in Flask-Dance) asks every time; `none` skips the screen for a user who already authorized these scopes (Flask-Dance's `prompt=None`). */
  prompt?: "consent" | "none" | undefined;
  /** `permissions`: the bot's permission bitfield (with the `bot` scope). */
  permissions?: string | undefined;
  /** `guild_id`: pre-select a server (with the `bot` or `webhook.incoming` scope). */
  guildId?: string | undefined;
  /** `disable_guild_select=true`: keep the user on `guildId`. */
  disableGuildSelect?: boolean | undefined;
  /** `integration_type`: `0` installs to a server, `1` to the user (with `applications.commands`). */
  integrationType?: 0 | 1 | undefined;
}

/**
 * Discord. Flask-Dance's API base is `https://discord.com/` (calls like `api/users/@me`); this
 * one is the versioned `https://discord.com/api/v10/`, so `session.fetch("users/@me")` works and
 * absolute paths (`/api/users/@me`) still do.
 *
 * @example
 * ```ts
 * discord({ scope: ["identify", "email"], prompt: "none" }) // session.fetch("users/@me")
 * ```
 * @see https://discord.com/developers/docs/topics/oauth2
 */
export function discord<const Id extends string = "discord">(options: DiscordOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { prompt, permissions, guildId, disableGuildSelect, integrationType, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "discord",
    name: "Discord",
    authorizationUrl: "https://discord.com/api/oauth2/authorize",
    tokenUrl: "https://discord.com/api/oauth2/token",
    revocationUrl: "https://discord.com/api/oauth2/token/revoke",
    apiBaseUrl: "https://discord.com/api/v10/",
    scope: ["identify"],
    refresh: true,
    authorizationParams: {
      // As Flask-Dance: anything but "none" asks for consent.
      prompt: prompt === "none" ? "none" : "consent",
      permissions,
      guild_id: guildId,
      disable_guild_select: disableGuildSelect ? "true" : undefined,
      integration_type: integrationType === undefined ? undefined : String(integrationType),
    },
    facts: {
      docs: "https://discord.com/developers/docs/topics/oauth2",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 7 days." },
    },
  });
}
