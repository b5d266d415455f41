import { expect, it } from "vitest";
import { shopify } from "../../src/shopify.js";
import { loginScope } from "./_login.js";

it("joins scopes with commas", async () => {
  expect(await loginScope(shopify({ shop: "example-shop", scope: ["read_products", "read_orders"] }))).toBe("read_products,read_orders");
});

it("accepts the shop's name or its myshopify.com host, nothing else", () => {
  expect(shopify({ shop: "Example-Shop.myshopify.com" }).tokenUrl).toBe("https://example-shop.myshopify.com/admin/oauth/access_token");
  expect(() => shopify({ shop: "evil.example/x" })).toThrow(TypeError);
  expect(() => shopify({ shop: "" })).toThrow(TypeError);
});
