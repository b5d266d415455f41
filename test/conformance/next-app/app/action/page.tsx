import { getSession } from "@dance/next";
import { redirect } from "next/navigation";
import { dance } from "../../dance";

// A server action: getSession writes its cookie changes with cookies().set().
async function logout() {
  "use server";
  await (await getSession(dance, "fake")).deleteToken();
  redirect("/");
}

export default function Page() {
  return (
    <form action={logout}>
      <button type="submit">Log out</button>
    </form>
  );
}
