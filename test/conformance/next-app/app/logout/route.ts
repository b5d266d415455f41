import { danceRoute } from "@dance/next";
import { dance } from "../../dance";

export const POST = danceRoute(dance, async (_request, dance) => {
  await (await dance.session("fake")).deleteToken();
  return new Response(null, { status: 303, headers: { location: "/" } });
});
