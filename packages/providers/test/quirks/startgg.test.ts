import { expect, it } from "vitest";
import { startgg } from "../../src/startgg.js";

// start.gg wants the scopes again in the code exchange and the refresh, and refreshes at its
// own endpoint; its docs also list redirect_uri for the refresh.
it("repeats the scopes in the code exchange and the refresh, which goes to /oauth/refresh", () => {
  const def = startgg({ scope: ["user.identity", "user.email"] });
  expect(def.tokenParams).toEqual({ scope: "user.identity user.email" });
  expect(def.refresh).toEqual({ url: "https://api.start.gg/oauth/refresh", params: { scope: "user.identity user.email" } });
});

it("uses the default scope when none is given, and adds redirect_uri to the refresh when known", () => {
  const def = startgg({ redirectUri: "https://app.example/login/startgg/authorized" });
  expect(def.tokenParams).toEqual({ scope: "user.identity" });
  expect(def.refresh).toEqual({ url: "https://api.start.gg/oauth/refresh", params: { scope: "user.identity", redirect_uri: "https://app.example/login/startgg/authorized" } });
});

it("keeps the app's own token parameters next to the scope", () => {
  expect(startgg({ scope: "user.identity", tokenParams: { extra: "1" } }).tokenParams).toEqual({ scope: "user.identity", extra: "1" });
});
