import { danceRoute } from "@dance/next";
import { tokens } from "../../config";
import { dance } from "../dance";

export const GET = danceRoute(dance, async (_request, dance) => Response.json(await tokens(dance)));
