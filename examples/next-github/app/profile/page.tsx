import { getSession } from "@dance/next";
import { dance, profileUrl, providerName } from "../../dance";
import { logout } from "../actions";

// proxy.ts sends a browser without a token to the login first, and refreshes an expiring one.
export default async function Profile() {
  const github = await getSession(dance, "github");
  const response = await github.fetch(profileUrl(), { headers: { "user-agent": "dance-example-next-github", accept: "application/json" } });
  if (!response.ok) return <p>{providerName()} answered HTTP {response.status}.</p>;
  const user = (await response.json()) as { login?: string; name?: string; sub?: string };
  return (
    <main>
      <h1>Hello {user.login ?? user.name ?? user.sub}</h1>
      <p>
        Fetched from {providerName()} with <code>session.fetch</code> in a Server Component. The token lives in an encrypted, HttpOnly cookie.
      </p>
      <form action={logout}>
        <button type="submit">Log out</button>
      </form>
    </main>
  );
}
