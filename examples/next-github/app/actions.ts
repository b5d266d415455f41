"use server";
import { getSession } from "@dance/next";
import { redirect } from "next/navigation";
import { dance } from "../dance";

/** A server action: the cookie deletion is written with cookies().set(). */
export async function logout() {
  await (await getSession(dance, "github")).deleteToken();
  redirect("/");
}
