import { getSession } from "@dance/next";
import { dance, providerName } from "../dance";

const button = { display: "inline-block", background: "#24292f", color: "#fff", borderRadius: 6, padding: ".55rem 1rem", fontWeight: 600, textDecoration: "none" };

// A Server Component: it reads the session through next/headers.
export default async function Home() {
  const github = await getSession(dance, "github");
  return (
    <main>
      <h1>Dance + Next.js + GitHub</h1>
      <p>A Next.js App Router app that logs you in with {providerName()} through Dance.</p>
      {github.authorized ? (
        <a style={button} href="/profile">
          Your profile
        </a>
      ) : (
        <a style={button} href={github.loginUrlFor("/profile")}>
          Log in with GitHub
        </a>
      )}
    </main>
  );
}
