import { danceRoute } from "@dance/next";
import { tokens } from "../../../config";
import { dance } from "../../dance";

// proxy.ts guards this path: without a token the request never gets here.
export const GET = danceRoute(dance, async (_request, dance) => Response.json({ private: true, ...(await tokens(dance)) }));
