import type { Contract } from "../contract.js";

export default {
  id: "discord",
  protocol: "oauth2",
  authorizationUrl: "https://discord.com/api/oauth2/authorize",
  tokenUrl: "https://discord.com/api/oauth2/token",
  // Flask-Dance's base_url is https://discord.com/ (unversioned).
  apiBaseUrl: "https://discord.com/api/v10/",
  defaultScope: "identify",
  options: [
    [{}, { prompt: "consent", permissions: null, guild_id: null, disable_guild_select: null, integration_type: null }],
    [{ prompt: "none" }, { prompt: "none" }],
    // Flask-Dance sends consent for any other value.
    [{ prompt: "login" }, { prompt: "consent" }],
    [
      { scope: ["bot"], permissions: "8", guildId: "41771983423143937", disableGuildSelect: true, integrationType: 0 },
      { scope: "bot", permissions: "8", guild_id: "41771983423143937", disable_guild_select: "true", integration_type: "0" },
    ],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 7 days." },
  docs: "https://discord.com/developers/docs/topics/oauth2",
} satisfies Contract;
