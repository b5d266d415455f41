import type { Contract } from "../contract.js";

export default {
  id: "mercadolibre",
  protocol: "oauth2",
  authorizationUrl: "https://auth.mercadolibre.com/authorization",
  tokenUrl: "https://api.mercadolibre.com/oauth/token",
  apiBaseUrl: "https://api.mercadolibre.com/",
  // Scopes are set on the application.
  defaultScope: null,
  options: [[{}, { scope: null }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "with offline_access (set on the application)", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 6 hours; a refresh token is spent by its use." },
  docs: "https://developers.mercadolibre.com.ar/en_us/authentication-and-authorization",
} satisfies Contract;
