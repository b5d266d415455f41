/** The README's example, as it is written there (the last test checks they agree). */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { createDance } from "@dance/core";
import { oauth2 } from "@dance/providers/oauth2";
import { kvStorage } from "@dance/kv";
import { createStorage } from "unstorage";

it("the README example: tokens by user, on unstorage", async () => {
  // unstorage's memory driver; in production: redisDriver({ url }), cloudflareKVBindingDriver({ binding: env.TOKENS }), …
  const store = createStorage();
  const dance = createDance({
    secret: "a-secret-of-at-least-32-characters!!",
    storage: kvStorage({ storage: store, user: (request) => request.headers.get("x-user-id") }),
    providers: [oauth2({ id: "acme", clientId: "id", clientSecret: "secret", authorizationUrl: "https://auth.acme.test/authorize", tokenUrl: "https://auth.acme.test/token", apiBaseUrl: "https://api.acme.test/" })],
  });

  const asUser = (id: string) => new Request("https://app.test/", { headers: { "x-user-id": id } });
  await (await dance.session(asUser("42"), "acme")).setToken({ access_token: "at-42", token_type: "bearer", expires_in: 3600 });

  expect(await store.getKeys()).toEqual(["dance:token:acme:u:42"]); // sealed: the token is not in it
  expect((await dance.session(asUser("42"), "acme")).token?.access_token).toBe("at-42");
  expect((await dance.session(asUser("7"), "acme")).authorized).toBe(false);
});

it("is the README's example, line for line", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /```ts\n(import \{ createDance[\s\S]*?)```/.exec(readme)![1]!;
  const source = readFileSync(new URL(import.meta.url), "utf8");
  const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);
  const body = lines(source.slice(source.indexOf("import { createDance"), source.indexOf("\n});\n"))).filter((l) => !l.startsWith("it("));
  expect(body).toEqual(lines(block));
});
