import { getSession } from "@dance/next";
import { dance } from "../../dance";

// A Server Component: it reads the session through next/headers, and calls the API (refreshing an expiring token).
export default async function Page() {
  const fake = await getSession(dance, "fake");
  if (!fake.authorized) return <p id="state">logged out</p>;
  const response = await fake.fetch("me");
  return (
    <p id="state">
      token {fake.token?.access_token} api {response.status}
    </p>
  );
}
