import type { OAuth1ProviderDefinition } from "@dance/core";

/**
 * Options of {@link twitter} (Flask-Dance's `make_twitter_blueprint`, camel-cased, and X's documented parameters).
 *
 * @example
 * ```ts
 * const options: TwitterOptions = { authenticate: true, forceLogin: true };
 * ```
 * @see https://developer.x.com/en/docs/authentication/api-reference/authenticate
 */
export interface TwitterOptions {
  /** The app's API key (Flask-Dance `api_key`). Default `TWITTER_OAUTH_CLIENT_KEY`. */
  apiKey?: string;
  /** The app's API key secret (Flask-Dance `api_secret`). Default `TWITTER_OAUTH_CLIENT_SECRET`. */
  apiSecret?: string;
  /** "Sign in with Twitter": `oauth/authenticate`, which skips the consent page for returning users. Default `oauth/authorize` (Flask-Dance), which always asks. */
  authenticate?: boolean;
  /** `force_login=true`: ask for the password even when someone is signed in on X. */
  forceLogin?: boolean;
  /** `screen_name=`: prefill the username box. */
  screenName?: string;
  /** This provider's login route (Flask-Dance `login_url`). Default `{basePath}/twitter`. */
  loginPath?: string;
  /** This provider's callback route (Flask-Dance `authorized_url`). Default `{basePath}/twitter/authorized`. */
  callbackPath?: string;
  /** Where the dance ends (Flask-Dance `redirect_url`). */
  redirectTo?: string;
}

/**
 * Twitter / X with OAuth 1.0a (HMAC-SHA1): the "API Key and Secret" of an X app. Flask-Dance's
 * preset until 7.0; `session.fetch("account/verify_credentials.json")` resolves against
 * `https://api.twitter.com/1.1/` as it did there.
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
export function twitter(options: TwitterOptions = {}): OAuth1ProviderDefinition<"twitter"> {
  return {
    protocol: "oauth1",
    id: "twitter",
    name: "Twitter",
    clientKey: options.apiKey,
    clientSecret: options.apiSecret,
    requestTokenUrl: "https://api.twitter.com/oauth/request_token",
    authorizationUrl: options.authenticate ? "https://api.twitter.com/oauth/authenticate" : "https://api.twitter.com/oauth/authorize",
    accessTokenUrl: "https://api.twitter.com/oauth/access_token",
    apiBaseUrl: "https://api.twitter.com/1.1/",
    // X documents the same API on api.x.com; media uploads go to upload.twitter.com.
    apiOrigins: ["https://api.x.com", "https://upload.twitter.com"],
    authorizationParams: { force_login: options.forceLogin ? "true" : undefined, screen_name: options.screenName },
    loginPath: options.loginPath,
    callbackPath: options.callbackPath,
    redirectTo: options.redirectTo,
  };
}
