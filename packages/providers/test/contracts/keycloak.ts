import type { Contract } from "../contract.js";

export default {
  id: "keycloak",
  protocol: "oidc",
  required: { baseUrl: "https://auth.example.com", realm: "acme" },
  // Discovered from the issuer https://auth.example.com/realms/acme.
  authorizationUrl: "https://auth.example.com/realms/acme/protocol/openid-connect/auth",
  tokenUrl: "https://auth.example.com/realms/acme/protocol/openid-connect/token",
  apiBaseUrl: "https://auth.example.com/realms/acme/protocol/openid-connect/",
  defaultScope: "openid profile email",
  options: [
    [{}, { prompt: null, kc_idp_hint: null, login_hint: null }],
    [{ prompt: "login", idpHint: "github", loginHint: "ada" }, { prompt: "login", kc_idp_hint: "github", login_hint: "ada" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: {
    refreshTokens: "yes",
    rotates: "no",
    expiresIn: "yes",
    notes: "Access tokens live 5 minutes by default (a realm setting); the old refresh token stays valid unless the realm revokes refresh tokens.",
  },
  docs: "https://www.keycloak.org/securing-apps/oidc-layers",
} satisfies Contract;
