import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link basecamp}. */
export interface BasecampOptions<Id extends string = "basecamp"> extends PresetOptions<Id> {
  /** The User-Agent of API calls, naming the app and a contact, e.g. `"Acme Timesheets (ops@acme.test)"`. Required: Basecamp refuses calls without one. */
  userAgent: string;
  /** Launchpad has no scopes. Default: none. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Basecamp, through 37signals Launchpad, which wants its own `type` parameter: `web_server`
 * on the authorization and the code exchange, `refresh` on a refresh. The user and their
 * accounts are `session.fetch("https://launchpad.37signals.com/authorization.json")`; an
 * account's API is `session.fetch("{account_id}/projects.json")`.
 *
 * @example
 * ```ts
 * basecamp({ userAgent: "Acme Timesheets (ops@acme.test)" })
 * ```
 * @see https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md
 */
export function basecamp<const Id extends string = "basecamp">(options: BasecampOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { userAgent, tokenParams, ...common } = options;
  if (typeof userAgent !== "string" || userAgent === "") throw new TypeError("basecamp(): `userAgent` is required, e.g. \"Acme Timesheets (ops@acme.test)\" (Basecamp refuses API calls without one)");
  return preset(common, {
    protocol: "oauth2",
    id: "basecamp",
    name: "Basecamp",
    authorizationUrl: "https://launchpad.37signals.com/authorization/new",
    tokenUrl: "https://launchpad.37signals.com/authorization/token",
    apiBaseUrl: "https://3.basecampapi.com/",
    apiOrigins: ["https://launchpad.37signals.com"],
    clientAuth: "client_secret_post",
    refresh: { params: { type: "refresh" } },
    authorizationParams: { type: "web_server" },
    tokenParams: { ...tokenParams, type: "web_server" },
    apiHeaders: { "user-agent": userAgent },
    facts: {
      docs: "https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 weeks." },
    },
  });
}
