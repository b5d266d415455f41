import type { Contract } from "../contract.js";

export default {
  id: "mercadopago",
  protocol: "oauth2",
  authorizationUrl: "https://auth.mercadopago.com/authorization",
  tokenUrl: "https://api.mercadopago.com/oauth/token",
  apiBaseUrl: "https://api.mercadopago.com/",
  defaultScope: null,
  options: [[{}, { scope: null }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "with offline_access (set on the application)", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 180 days; a refresh returns a new refresh token." },
  docs: "https://www.mercadopago.com/developers/en/docs/security/oauth",
} satisfies Contract;
