import type { Contract } from "../contract.js";

export default {
  id: "yandex",
  protocol: "oauth2",
  authorizationUrl: "https://oauth.yandex.com/authorize",
  tokenUrl: "https://oauth.yandex.com/token",
  apiBaseUrl: "https://login.yandex.ru/",
  defaultScope: "login:info",
  options: [
    [{}, { optional_scope: null, force_confirm: null, login_hint: null, device_id: null, device_name: null }],
    [
      { optionalScope: "login:avatar", forceConfirm: true, loginHint: "ada", deviceId: "device-123456", deviceName: "Ada's laptop" },
      { optional_scope: "login:avatar", force_confirm: "yes", login_hint: "ada", device_id: "device-123456", device_name: "Ada's laptop" },
    ],
    [{ scope: ["login:info", "login:email"] }, { scope: "login:info login:email" }],
  ],
  clientAuth: "client_secret_basic",
  // Yandex documents `Authorization: OAuth <token>`.
  tokenScheme: "OAuth",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Tokens live about a year." },
  docs: "https://yandex.com/dev/id/doc/en/codes/code-url",
} satisfies Contract;
