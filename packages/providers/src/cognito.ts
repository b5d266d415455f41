import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link cognito}. */
export interface CognitoOptions<Id extends string = "cognito"> extends PresetOptions<Id> {
  /** The user pool id, e.g. `us-east-1_AbCdEf123` (its prefix is the region). Required; the pool needs a domain. */
  userPoolId: string;
  /** Default `["openid", "email", "profile"]` (each enabled on the app client). */
  scope?: readonly string[] | string | undefined;
  /** `identity_provider`: go straight to a provider, e.g. `Google`, `SignInWithApple`, `COGNITO` or a SAML/OIDC provider's name. */
  identityProvider?: string | undefined;
  /** `idp_identifier`: pick the provider by one of its identifiers (e.g. an e-mail domain). */
  idpIdentifier?: string | undefined;
  /** `lang`: the language of the managed login pages. */
  lang?: string | undefined;
}

/**
 * Amazon Cognito user pools. The issuer is `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`;
 * its discovery document names the pool domain's endpoints (`/oauth2/authorize`, `/oauth2/token`,
 * `/oauth2/userInfo`, `/oauth2/revoke`). App clients with a secret use HTTP Basic.
 *
 * @example
 * ```ts
 * cognito({ userPoolId: "eu-west-1_AbCdEf123", identityProvider: "Google" })
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html
 */
export function cognito<const Id extends string = "cognito">(options: CognitoOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { userPoolId, identityProvider, idpIdentifier, lang, ...common } = options;
  const region = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[A-Za-z0-9]+$/.exec(userPoolId ?? "")?.[1];
  if (!region) throw new TypeError(`cognito(): \`userPoolId\` must look like "us-east-1_AbCdEf123", got ${JSON.stringify(userPoolId)}`);
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "cognito",
    name: "Amazon Cognito",
    issuer: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    discovery: true,
    scope: ["openid", "email", "profile"],
    refresh: true,
    authorizationParams: { identity_provider: identityProvider, idp_identifier: idpIdentifier, lang },
    facts: {
      docs: "https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html",
      refresh: {
        refreshTokens: "yes",
        rotates: "unknown",
        expiresIn: "yes",
        notes: "Access tokens live 1 hour and refresh tokens 30 days by default; rotation is an app-client setting.",
      },
    },
  });
}
