import { danceProxy } from "@dance/next";
import { dance } from "./dance";

export const proxy = danceProxy(dance, { require: (url) => (url.pathname.startsWith("/private") ? "fake" : null) });
export const config = { matcher: ["/private/:path*", "/rsc/:path*"] };
