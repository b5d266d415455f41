import type { OAuth1ProviderDefinition } from "@dance/core";
import { oauth1Preset, type OAuth1PresetOptions } from "./_preset.js";

/**
 * Options of {@link twitter} (Flask-Dance's `make_twitter_blueprint`, camel-cased, and X's documented parameters).
 *
 * @example
 * ```ts
 * const options: TwitterOptions = { authenticate: true, forceLogin: true };
 * ```
 * @see https://developer.x.com/en/docs/authentication/api-reference/authenticate
 */
export interface TwitterOptions<Id extends string = "twitter"> extends OAuth1PresetOptions<Id> {
  /** The app's API key (Flask-Dance `api_key`): the same as `clientKey`. Default `TWITTER_OAUTH_CLIENT_KEY`. */
  apiKey?: string | undefined;
  /** The app's API key secret (Flask-Dance `api_secret`): the same as `clientSecret`. Default `TWITTER_OAUTH_CLIENT_SECRET`. */
  apiSecret?: string | undefined;
  /** "Sign in with Twitter": `oauth/authenticate`, which skips the consent page for returning users. Default `oauth/authorize` (Flask-Dance), which always asks. */
  authenticate?: boolean | undefined;
  /** `force_login=true`: ask for the password even when someone is signed in on X. */
  forceLogin?: boolean | undefined;
  /** `screen_name=`: prefill the username box. */
  screenName?: string | undefined;
}

/**
 * Twitter / X with OAuth 1.0a (HMAC-SHA1): the "API Key and Secret" of an X app. Flask-Dance's
 * preset until 7.0; `session.fetch("account/verify_credentials.json")` resolves against
 * `https://api.twitter.com/1.1/` as it did there. OAuth 1.0a tokens do not expire and are not
 * refreshed.
 *
 * @example
 * ```ts
 * const dance = createDance({ secret, providers: [twitter()] }); // TWITTER_OAUTH_CLIENT_KEY / _SECRET
 * const tw = await dance.session(request, "twitter");
 * const me = await (await tw.fetch("https://api.twitter.com/2/users/me")).json(); // signed, HMAC-SHA1
 * ```
 * @see https://developer.x.com/en/docs/authentication/oauth-1-0a
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-2
 * @see https://developer.x.com/en/docs/authentication/api-reference/authenticate
 */
export function twitter<const Id extends string = "twitter">(options: TwitterOptions<Id> = {}): OAuth1ProviderDefinition<Id> {
  const { apiKey, apiSecret, authenticate, forceLogin, screenName, ...common } = options;
  return oauth1Preset(common, {
    protocol: "oauth1",
    id: "twitter",
    name: "Twitter",
    clientKey: apiKey,
    clientSecret: apiSecret,
    requestTokenUrl: "https://api.twitter.com/oauth/request_token",
    authorizationUrl: authenticate ? "https://api.twitter.com/oauth/authenticate" : "https://api.twitter.com/oauth/authorize",
    accessTokenUrl: "https://api.twitter.com/oauth/access_token",
    apiBaseUrl: "https://api.twitter.com/1.1/",
    // X documents the same API on api.x.com; media uploads go to upload.twitter.com.
    apiOrigins: ["https://api.x.com", "https://upload.twitter.com"],
    authorizationParams: { force_login: forceLogin ? "true" : undefined, screen_name: screenName },
    facts: {
      docs: "https://developer.x.com/en/docs/authentication/oauth-1-0a",
      refresh: {
        refreshTokens: "no",
        rotates: "no",
        expiresIn: "no",
        notes: "OAuth 1.0a access tokens do not expire: they stay valid until the user revokes the app or the app invalidates them (POST oauth/invalidate_token).",
      },
    },
  });
}
