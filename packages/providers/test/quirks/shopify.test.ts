import { expect, it } from "vitest";
import { shopify } from "../../src/shopify.js";
import { loginScope } from "./_login.js";

const hook = shopify({ shop: "example-shop" }).hooks!.tokenResponse!;

// Shopify's token answer has no token_type, which a standard client refuses.
it("adds the token_type Shopify's offline token answer lacks", () => {
  expect(hook({ status: 200, body: { access_token: "shpat_x", scope: "read_products" } })).toEqual({ status: 200, body: { access_token: "shpat_x", scope: "read_products", token_type: "bearer" } });
});

it("keeps an online token's extra fields", () => {
  const body = { access_token: "shpua_x", scope: "read_products", expires_in: 86399, associated_user_scope: "read_products", associated_user: { id: 902541635, email: "john@example.com" } };
  expect(hook({ status: 200, body })).toEqual({ status: 200, body: { ...body, token_type: "bearer" } });
});

it("passes standard answers and errors through unchanged", () => {
  const ok = { status: 200, body: { access_token: "at", token_type: "bearer" } };
  const error = { status: 400, body: { error: "invalid_request" } };
  expect(hook(ok)).toBe(ok);
  expect(hook(error)).toBe(error);
});

it("joins scopes with commas", async () => {
  expect(await loginScope(shopify({ shop: "example-shop", scope: ["read_products", "read_orders"] }))).toBe("read_products,read_orders");
});

it("accepts the shop's name or its myshopify.com host, nothing else", () => {
  expect(shopify({ shop: "Example-Shop.myshopify.com" }).tokenUrl).toBe("https://example-shop.myshopify.com/admin/oauth/access_token");
  expect(() => shopify({ shop: "evil.example/x" })).toThrow(TypeError);
  expect(() => shopify({ shop: "" })).toThrow(TypeError);
});
