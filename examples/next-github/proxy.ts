import { danceProxy } from "@dance/next";
import { dance } from "./dance";

// /profile needs a GitHub login (coming back to it afterwards); every page gets its token
// refreshed before it renders, because Server Components cannot write cookies.
export const proxy = danceProxy(dance, { require: (url) => (url.pathname.startsWith("/profile") ? "github" : null) });
export const config = { matcher: ["/", "/profile/:path*"] };
