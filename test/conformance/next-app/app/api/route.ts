import { danceRoute } from "@dance/next";
import { callApi } from "../../../config";
import { dance } from "../../dance";

// Not behind the proxy: the refresh happens here, while the route builds its own response.
export const GET = danceRoute(dance, async (_request, dance) => Response.json(await callApi(dance)));
