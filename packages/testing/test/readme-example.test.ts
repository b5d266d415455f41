// The example of packages/testing/README.md, run as a test so it stays true.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDance, MemoryStorage } from "@dance/core";
import { oidc } from "@dance/providers/oidc";
import { confidentialClient, createBrowser, loginAtProvider, startOidcProvider, type RunningOidcProvider } from "@dance/testing";

const app = "http://127.0.0.1:3000";
let op: RunningOidcProvider;

beforeAll(async () => {
  op = await startOidcProvider({
    clients: [confidentialClient({ clientId: "app", clientSecret: "app-secret", redirectUris: [`${app}/login/local/authorized`] })],
  });
});
afterAll(() => op.close());

it("logs in as ada through a real OpenID Provider", async () => {
  const storage = new MemoryStorage();
  const dance = createDance({
    secret: "a-test-secret-of-at-least-32-characters",
    storage,
    providers: [oidc({ id: "local", issuer: op.issuer, clientId: "app", clientSecret: "app-secret" })],
  });
  // The app is served in-process; the provider is reached over real loopback HTTP.
  const browser = createBrowser({ handlers: { [app]: dance.handler } });

  const login = await browser.get(`${app}/login/local?next=/me`);
  const { response } = await loginAtProvider(browser, browser.locationOf(login)!, { login: "ada" });
  const done = await browser.follow(response);

  expect(done.headers.get("location")).toBe("/me");
  const session = await dance.session(browser.request(`${app}/me`), "local");
  expect(session.claims?.sub).toBe("ada");
  expect(await (await session.fetch(op.endpoints.userinfo)).json()).toMatchObject({ sub: "ada", email: "ada@example.test" });
});
