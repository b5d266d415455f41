import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { importPKCS8, SignJWT } from "jose";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link apple}. */
export interface AppleOptions<Id extends string = "apple"> extends PresetOptions<Id> {
  /** Your 10-character Apple Developer Team ID (the client secret's `iss`). */
  teamId: string;
  /** The Key ID of your Sign in with Apple private key (the client secret's `kid`). */
  keyId: string;
  /** The private key (`AuthKey_<keyId>.p8`, PEM text) that signs the client secret. */
  privateKey: string;
  /** Default `["name", "email"]` (Apple then calls back with a form POST). `[]` for the user id only. */
  scope?: readonly string[] | string | undefined;
}

/** How long a minted client secret lives (Apple allows up to six months); it is renewed 5 minutes before. */
const SECRET_LIFETIME_S = 3600;

function hooks(teamId: string, keyId: string, privateKey: string): ProviderHooks {
  let key: ReturnType<typeof importPKCS8> | undefined;
  let minted: { secret: string; expires: number } | undefined;
  return {
    // The client secret is an ES256 JWT the app signs: iss team, sub client id, aud Apple.
    async clientSecret({ clientId, now }) {
      const nowS = Math.floor(now / 1000);
      if (minted && minted.expires - 300 > nowS) return minted.secret;
      key ??= importPKCS8(privateKey, "ES256");
      const secret = await new SignJWT({})
        .setProtectedHeader({ alg: "ES256", kid: keyId })
        .setIssuer(teamId)
        .setSubject(clientId)
        .setAudience("https://appleid.apple.com")
        .setIssuedAt(nowS)
        .setExpirationTime(nowS + SECRET_LIFETIME_S)
        .sign(await key);
      minted = { secret, expires: nowS + SECRET_LIFETIME_S };
      return secret;
    },
    // The user's name comes once, in the first callback's `user` form field, never again.
    callbackExtras(params) {
      const user = params.get("user");
      if (!user || user.length > 4096) return undefined;
      try {
        const parsed: unknown = JSON.parse(user);
        return typeof parsed === "object" && parsed !== null ? { apple_user: parsed } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Sign in with Apple. Its callback is a cross-site form POST (with `name`/`email` scopes):
 * Dance carries it to a same-origin GET where the SameSite=Lax login cookie is sent, so
 * nothing needs SameSite=None. The client secret is an ES256 JWT minted from your key and
 * renewed before it expires. The user's name arrives once, on the first login, as
 * `token.apple_user`; the e-mail is in the id_token (`session.claims.email`).
 *
 * @example
 * ```ts
 * apple({
 *   clientId: process.env.APPLE_OAUTH_CLIENT_ID, // the Services ID
 *   teamId: process.env.APPLE_TEAM_ID!, keyId: process.env.APPLE_KEY_ID!, privateKey: process.env.APPLE_PRIVATE_KEY!,
 * })
 * ```
 * @see https://developer.apple.com/documentation/sign_in_with_apple/sign_in_with_apple_rest_api
 */
export function apple<const Id extends string = "apple">(options: AppleOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { teamId, keyId, privateKey, scope = ["name", "email"], ...common } = options;
  for (const [name, value] of Object.entries({ teamId, keyId, privateKey })) {
    if (typeof value !== "string" || value === "") throw new TypeError(`apple(): \`${name}\` is required (see https://developer.apple.com/documentation/accountorganizationaldatasharing/creating-a-client-secret)`);
  }
  const asksForUser = (typeof scope === "string" ? scope.split(" ") : scope).some((s) => s === "name" || s === "email");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "apple",
    name: "Apple",
    issuer: "https://appleid.apple.com",
    authorizationUrl: "https://appleid.apple.com/auth/authorize",
    tokenUrl: "https://appleid.apple.com/auth/token",
    jwksUrl: "https://appleid.apple.com/auth/keys",
    revocationUrl: "https://appleid.apple.com/auth/revoke",
    scope: ["openid", ...(typeof scope === "string" ? scope.split(" ") : scope).filter((s) => s !== "openid")],
    // Apple calls back with a POST when it sends the user's name or e-mail.
    responseMode: asksForUser ? "form_post" : "query",
    clientAuth: "client_secret_post",
    idTokenAlgorithms: ["RS256"],
    refresh: true,
    hooks: hooks(teamId, keyId, privateKey),
    facts: {
      docs: "https://developer.apple.com/documentation/sign_in_with_apple/sign_in_with_apple_rest_api",
      refresh: { refreshTokens: "yes", rotates: "no", expiresIn: "yes", notes: "Access tokens live 1 hour and are only good for revocation; Apple asks not to refresh more than once a day." },
    },
  });
}
