/**
 * Local accounts on top of Dance — Flask-Dance's "Multi-User Setups" recipe on Hono and SQLite:
 * logging in with GitHub or Google finds the local user linked to that provider account (by
 * `provider_user_id`) or creates one; logging in with the other provider while signed in links
 * it to the same user. Never by e-mail: two provider accounts with the same address are two
 * users until their owner links them while signed in.
 *
 * @module
 */
import { Hono } from "hono";
import { createDance, createSealBox, escapeHtml, parseCookieHeader, serializeCookie, type AuthorizedEvent, type ProviderDefinition, type ProviderSession } from "@dance/core";
import { danceMigrations, sqlStorage } from "@dance/sql";
import { sqliteDatabase } from "@dance/sql/sqlite";
import { Migrator, type Generated, type Kysely, type Migration } from "kysely";

/** The app's own table, next to Dance's `dance_tokens`. */
export interface Tables {
  users: { id: Generated<number>; name: string; created_at: string };
}

const usersTable: Record<string, Migration> = {
  "0001_users": {
    up: (db) =>
      db.schema
        .createTable("users")
        .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute(),
    down: (db) => db.schema.dropTable("users").execute(),
  },
};

/** Options of {@link createAccountsApp}. */
export interface AccountsOptions {
  /** The SQLite file (`:memory:` for a throwaway one). */
  database: string;
  /** Seals the sign-in cookie, Dance's cookies and the stored tokens. */
  secret: string;
  /** Two providers with the ids `github` and `google` (the real ones, or local stand-ins). */
  providers: readonly ProviderDefinition<"github" | "google">[];
  /** Where each provider's profile is (fetched with the stored token): GitHub `/user`, an OpenID provider's userinfo endpoint. */
  profileUrls: Readonly<Record<"github" | "google", string>>;
  /** Shown next to the buttons when the providers are local stand-ins. */
  standIn?: boolean;
}

const SIGNED_IN = "app-user";
const NAMES = { github: "GitHub", google: "Google" } as const;
type Id = keyof typeof NAMES;

/** The account app: a Hono app and what it is made of (for tests). */
export async function createAccountsApp(options: AccountsOptions) {
  const db: Kysely<Tables> = sqliteDatabase<Tables>(options.database);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...danceMigrations(), ...usersTable }) } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;

  // The signed-in local user: a sealed cookie holding the user id.
  const box = createSealBox(options.secret);
  const currentUserId = async (request: Request): Promise<number | undefined> => {
    const sealed = parseCookieHeader(request.headers.get("cookie")).get(SIGNED_IN);
    const opened = sealed ? await box.open<number>("signed-in", sealed) : null;
    return typeof opened?.value === "number" ? opened.value : undefined;
  };
  const signInCookie = async (request: Request, userId: number | undefined) =>
    serializeCookie(SIGNED_IN, userId === undefined ? "" : await box.seal("signed-in", userId), {
      httpOnly: true,
      sameSite: "Lax",
      secure: new URL(request.url).protocol === "https:",
      maxAge: userId === undefined ? 0 : 30 * 24 * 3600,
    });

  // Tokens belong to the signed-in user; a visitor who is not signed in has none.
  const tokens = sqlStorage({ db, user: (request) => currentUserId(request) });

  /** The user's id at the provider: the id_token's `sub` (OpenID), else GitHub's `/user` id. */
  async function identify(session: ProviderSession, claims: AuthorizedEvent["claims"]): Promise<{ providerUserId: string; name: string }> {
    if (typeof claims?.sub === "string") return { providerUserId: claims.sub, name: String(claims.name ?? claims.preferred_username ?? claims.sub) };
    const profile = (await (await session.fetch("/user")).json()) as { id: number; login: string; name?: string | null };
    return { providerUserId: String(profile.id), name: profile.name ?? profile.login };
  }

  const dance = createDance({
    secret: options.secret,
    providers: options.providers,
    storage: tokens,
    on: {
      async authorized({ provider, token, request, session, claims, returnTo }) {
        const { providerUserId, name } = await identify(session, claims);
        const signedIn = await currentUserId(request);
        const linked = await tokens.findAccount(provider, providerUserId);
        const owner = linked?.userId ? Number(linked.userId) : undefined;
        if (owner !== undefined && signedIn !== undefined && owner !== signedIn) {
          // Never move a provider account from one local user to another.
          return page(`${NAMES[provider as Id]} account already linked`, `<p>This ${escapeHtml(NAMES[provider as Id])} account belongs to another local account. Sign out and log in with it to use that account.</p><p><a href="/">Back</a></p>`, 409);
        }
        const userId = owner ?? signedIn ?? (await db.insertInto("users").values({ name, created_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow()).id;
        tokens.assign(request, provider, { userId, providerUserId });
        await session.setToken(token);
        return new Response(null, { status: 302, headers: { location: returnTo, "set-cookie": await signInCookie(request, userId) } });
      },
    },
  });

  const app = new Hono();
  app.all("/login/*", (c) => dance.handler(c.req.raw));

  app.get("/", async (c) => {
    const userId = await currentUserId(c.req.raw);
    const user = userId === undefined ? undefined : await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
    const standIn = options.standIn ? " <small>(the local OpenID Provider stands in)</small>" : "";
    if (!user) {
      const buttons = (Object.keys(NAMES) as Id[]).map((id) => `<p><a class="button" href="/login/${id}">Log in with ${NAMES[id]}</a>${standIn}</p>`).join("");
      return page("Accounts", `<p>One local account, several ways to log in.</p>${buttons}`);
    }
    const accounts = await tokens.accountsOf(user.id);
    const rows = (Object.keys(NAMES) as Id[])
      .map((id) => {
        const account = accounts.find((a) => a.provider === id);
        return account
          ? `<li>${NAMES[id]}: linked (id <code>${escapeHtml(account.providerUserId ?? "?")}</code>) — <a href="/profile/${id}">profile through the stored token</a></li>`
          : `<li>${NAMES[id]}: <a href="/login/${id}">link</a>${standIn}</li>`;
      })
      .join("");
    return page(`Hello, ${user.name}`, `<p>Local user #${user.id}.</p><ul>${rows}</ul><form method="post" action="/logout"><button>Sign out</button></form>`);
  });

  app.get("/profile/:provider", async (c) => {
    const id = c.req.param("provider");
    if (!dance.hasProvider(id)) return c.notFound();
    const context = dance.context(c.req.raw);
    const session = await context.session(id);
    if (!session.authorized) return c.redirect("/");
    try {
      const profile = await (await session.fetch(options.profileUrls[id])).json();
      return context.commit(page(`${NAMES[id]} profile`, `<pre>${escapeHtml(JSON.stringify(profile, null, 2))}</pre><p><a href="/">Back</a></p>`));
    } catch (error) {
      return context.respond(error); // a DanceError (e.g. reauth_required → log in again), never a bare 500
    }
  });

  app.post("/logout", async (c) => new Response(null, { status: 303, headers: { location: "/", "set-cookie": await signInCookie(c.req.raw, undefined) } }));

  return { app, dance, tokens, db, close: () => db.destroy() };
}

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}.button{display:inline-block;padding:.4rem .9rem;border:1px solid #333;border-radius:6px;text-decoration:none;color:inherit}</style>
<h1>${escapeHtml(title)}</h1>${body}`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" } });
}
