import { expect, it } from "vitest";
import { faceit } from "../../src/faceit.js";

const hook = faceit().hooks!.tokenResponse!;

// The preset is OAuth 2 (FACEIT's issuer and keys cannot be pinned): an id_token answered to
// `openid` would make Dance refuse the login, so the hook drops it.
it("drops the id_token FACEIT answers to openid, keeping the rest", () => {
  const answer = { status: 200, body: { access_token: "at", token_type: "bearer", expires_in: 3600, id_token: "eyJ.x.y", scope: "openid profile email" } };
  expect(hook(answer)).toEqual({ status: 200, body: { access_token: "at", token_type: "bearer", expires_in: 3600, scope: "openid profile email" } });
});

it("passes a standard answer through unchanged", () => {
  const answer = { status: 200, body: { access_token: "at", token_type: "bearer" } };
  expect(hook(answer)).toBe(answer);
});
