import { getSession } from "@dance/next";
import { dance } from "../dance";

/** A Server Component: the session through next/headers, and an API call (refreshing an expiring token first). */
export async function SessionView() {
  const fake = await getSession(dance, "fake");
  if (!fake.authorized) return <p id="state">logged out</p>;
  const response = await fake.fetch("me");
  return <p id="state">{`token=${fake.token?.access_token} api=${response.status}`}</p>;
}
