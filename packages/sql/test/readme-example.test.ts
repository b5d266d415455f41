/** The README's example, as it is written there (the last test checks they agree). */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { createDance, type Token } from "@dance/core";
import { oauth2 } from "@dance/providers/oauth2";
import { sqlStorage } from "@dance/sql";
import { sqliteDatabase } from "@dance/sql/sqlite";

it("the README example: tokens by user, in SQLite", async () => {
  // Your app knows who is signed in; here, a header stands in for your session.
  const currentUserId = (request: Request) => request.headers.get("x-user-id");

  const tokens = sqlStorage({ db: sqliteDatabase(":memory:"), user: currentUserId }); // a file in production: "app.db"
  await tokens.migrate(); // creates dance_tokens and dance_tokens_locks if they do not exist

  const dance = createDance({
    secret: "a-secret-of-at-least-32-characters!!",
    storage: tokens,
    providers: [oauth2({ id: "acme", clientId: "id", clientSecret: "secret", authorizationUrl: "https://auth.acme.test/authorize", tokenUrl: "https://auth.acme.test/token", apiBaseUrl: "https://api.acme.test/" })],
  });

  // A request of user 42 stores a token (the callback does this after a login)…
  const token: Token = { access_token: "at-42", token_type: "bearer", refresh_token: "rt-42" };
  await (await dance.session(new Request("https://app.test/", { headers: { "x-user-id": "42" } }), "acme")).setToken(token);

  // …which later requests of user 42 — and background jobs — find; nobody else's do.
  expect((await dance.session(new Request("https://app.test/", { headers: { "x-user-id": "42" } }), "acme")).token?.access_token).toBe("at-42");
  expect((await dance.session(new Request("https://app.test/", { headers: { "x-user-id": "7" } }), "acme")).authorized).toBe(false);
  expect((await dance.tokenFor({ provider: "acme", user: 42 })).authorized).toBe(true);
});

it("is the README's example, line for line", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /```ts\n(import \{ createDance[\s\S]*?)```/.exec(readme)![1]!;
  const source = readFileSync(new URL(import.meta.url), "utf8");
  const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);
  const body = lines(source.slice(source.indexOf("import { createDance"), source.indexOf("\n});\n"))).filter((l) => !l.startsWith("it("));
  expect(body).toEqual(lines(block));
});
