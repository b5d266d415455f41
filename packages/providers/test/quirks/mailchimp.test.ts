import { expect, it } from "vitest";
import { mailchimp } from "../../src/mailchimp.js";

const hook = mailchimp().hooks!.tokenResponse!;

// Mailchimp answers a null scope (a standard client refuses it) and expires_in 0 for "never".
it("drops Mailchimp's null scope", () => {
  expect(hook({ status: 200, body: { access_token: "5c6ccc561059aa386da9d112215bae55", expires_in: 0, scope: null } })).toEqual({
    status: 200,
    body: { access_token: "5c6ccc561059aa386da9d112215bae55", expires_in: 0 },
  });
});

it("passes standard answers and errors through unchanged", () => {
  const ok = { status: 200, body: { access_token: "at", token_type: "bearer", scope: "x" } };
  const error = { status: 400, body: { error: "invalid_grant", scope: null } };
  expect(hook(ok)).toBe(ok);
  expect(hook(error)).toBe(error);
});

it("calls the data centre's API, the metadata endpoint still reachable", () => {
  const def = mailchimp({ dc: "us6" });
  expect([def.apiBaseUrl, def.apiOrigins]).toEqual(["https://us6.api.mailchimp.com/3.0/", ["https://login.mailchimp.com"]]);
  expect(() => mailchimp({ dc: "evil.example/x" })).toThrow(TypeError);
});
