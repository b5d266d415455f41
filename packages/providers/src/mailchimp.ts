import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link mailchimp}. */
export interface MailchimpOptions<Id extends string = "mailchimp"> extends PresetOptions<Id> {
  /** The account's data centre (`us6`): relative API calls then go to `https://{dc}.api.mailchimp.com/3.0/`. Default: none (calls resolve under the metadata endpoint's `https://login.mailchimp.com/oauth2/`). */
  dc?: string | undefined;
  /** Mailchimp has no scopes (a token reaches everything the user can). Default: none. */
  scope?: readonly string[] | string | undefined;
}

const hooks: ProviderHooks = {
  // Mailchimp answers `scope: null` (RFC 6749 wants a string or nothing). It may leave out token_type too, which core reads as bearer.
  tokenResponse(answer) {
    if (answer.status !== 200 || typeof answer.body.access_token !== "string" || answer.body.scope !== null) return answer;
    const { scope: _null, ...body } = answer.body;
    return { ...answer, body };
  },
};

/**
 * Mailchimp (Marketing API). Tokens never expire (the answer's `expires_in: 0` means so) and
 * there are no scopes. Each account lives in a data centre: `session.fetch("metadata")`
 * (with no `dc`) names it (`dc`, `api_endpoint`), and a preset with `dc` calls that data
 * centre's API.
 *
 * @example
 * ```ts
 * mailchimp({ dc: "us6" }) // MAILCHIMP_OAUTH_CLIENT_ID / _SECRET; session.fetch("ping")
 * ```
 * @see https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/
 */
export function mailchimp<const Id extends string = "mailchimp">(options: MailchimpOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { dc, ...common } = options;
  if (dc !== undefined && !/^[a-z]+\d+$/.test(dc)) throw new TypeError(`mailchimp(): \`dc\` must be a data centre such as "us6", got ${JSON.stringify(dc)}`);
  return preset(common, {
    protocol: "oauth2",
    id: "mailchimp",
    name: "Mailchimp",
    authorizationUrl: "https://login.mailchimp.com/oauth2/authorize",
    tokenUrl: "https://login.mailchimp.com/oauth2/token",
    apiBaseUrl: dc ? `https://${dc}.api.mailchimp.com/3.0/` : "https://login.mailchimp.com/oauth2/",
    // The metadata endpoint stays reachable with a data centre set.
    ...(dc ? { apiOrigins: ["https://login.mailchimp.com"] } : {}),
    // Mailchimp's guide posts client_id and client_secret as form fields.
    clientAuth: "client_secret_post",
    refresh: false,
    hooks,
    facts: {
      docs: "https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens do not expire; the answer's expires_in is 0." },
    },
  });
}
