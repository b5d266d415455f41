import type { Contract } from "../contract.js";

export default {
  id: "shopify",
  protocol: "oauth2",
  required: { shop: "example-shop" },
  authorizationUrl: "https://example-shop.myshopify.com/admin/oauth/authorize",
  tokenUrl: "https://example-shop.myshopify.com/admin/oauth/access_token",
  apiBaseUrl: "https://example-shop.myshopify.com/admin/",
  defaultScope: null,
  options: [
    [{}, { "grant_options[]": null }],
    [{ online: true }, { "grant_options[]": "per-user" }],
    // Shopify's scopes are comma-separated.
    [{ scope: ["read_products", "read_orders"] }, { scope: "read_products,read_orders" }],
    [{ shop: "example-shop.myshopify.com", apiVersion: "2025-10" }, {}],
  ],
  clientAuth: "client_secret_post",
  apiHeaders: { "x-shopify-access-token": /^at-/ },
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "online tokens only", notes: "Offline tokens do not expire; online (per-user) tokens live about 24 hours." },
  docs: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant",
} satisfies Contract;
