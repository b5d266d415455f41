import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link shopify}. */
export interface ShopifyOptions<Id extends string = "shopify"> extends PresetOptions<Id> {
  /** The shop: `example-shop` or `example-shop.myshopify.com`. Required. */
  shop: string;
  /** An Admin API version (`2025-10`): relative API calls then resolve under `admin/api/{version}/`. Default: none (calls resolve under `admin/`). */
  apiVersion?: string | undefined;
  /** `grant_options[]=per-user`: an online token, for the user logged in to the admin (about a day long). Default: an offline token for the shop. */
  online?: boolean | undefined;
  /** Admin API scopes, e.g. `["read_products", "read_orders"]` (sent comma-separated). Default: none. */
  scope?: readonly string[] | string | undefined;
}

const SHOP = /^[a-z0-9][a-z0-9-]*$/i;

const hooks: ProviderHooks = {
  // The Admin API reads its token from X-Shopify-Access-Token, not Authorization.
  apiRequest(request, { token }) {
    request.headers.set("x-shopify-access-token", token.access_token);
    return request;
  },
};

/**
 * Shopify, for apps that act on a merchant's shop (the Admin API): every endpoint is on the
 * shop's own myshopify.com host, so each shop is a provider of its own (`id` tells them
 * apart). Tokens go in `X-Shopify-Access-Token`. Shopify also signs its install requests
 * and callbacks with an `hmac` parameter; Dance's state check does not need it, but an app
 * that starts from Shopify's install link should check it. Embedded apps should use
 * Shopify's token exchange instead; shoppers log in through the Customer Account API.
 *
 * @example
 * ```ts
 * shopify({ shop: "example-shop", scope: ["read_products"], apiVersion: "2025-10" }) // SHOPIFY_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant
 */
export function shopify<const Id extends string = "shopify">(options: ShopifyOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { shop, apiVersion, online, ...common } = options;
  const name = typeof shop === "string" ? shop.toLowerCase().replace(/^https:\/\//, "").replace(/\/+$/, "").replace(/\.myshopify\.com$/, "") : "";
  if (!SHOP.test(name)) throw new TypeError(`shopify(): \`shop\` must be a shop name or its myshopify.com host, got ${JSON.stringify(shop)}`);
  if (apiVersion !== undefined && !/^(\d{4}-\d{2}|unstable)$/.test(apiVersion)) throw new TypeError(`shopify(): \`apiVersion\` must look like "2025-10", got ${JSON.stringify(apiVersion)}`);
  const base = `https://${name}.myshopify.com/admin`;
  return preset(common, {
    protocol: "oauth2",
    id: "shopify",
    name: "Shopify",
    authorizationUrl: `${base}/oauth/authorize`,
    tokenUrl: `${base}/oauth/access_token`,
    apiBaseUrl: apiVersion ? `${base}/api/${apiVersion}/` : `${base}/`,
    // Shopify separates scopes with commas.
    scopeSeparator: ",",
    // Shopify's token request carries client_id, client_secret and code as fields.
    clientAuth: "client_secret_post",
    refresh: false,
    authorizationParams: { "grant_options[]": online ? "per-user" : undefined },
    hooks,
    facts: {
      docs: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "online tokens only", notes: "Offline tokens do not expire; online (per-user) tokens live about 24 hours." },
    },
  });
}
