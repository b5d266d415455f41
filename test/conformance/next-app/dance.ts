import { createDance } from "@dance/core";
import { conformanceConfig, type ConformanceEnv } from "../config";

// A function of the environment: built at the first request, not when `next build` loads the module.
export const dance = createDance(() => conformanceConfig(process.env as unknown as ConformanceEnv));
