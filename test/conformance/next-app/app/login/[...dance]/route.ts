import { nextHandlers } from "@dance/next";
import { dance } from "../../../dance";

export const { GET, POST } = nextHandlers(dance);
