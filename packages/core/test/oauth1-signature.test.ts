/**
 * The OAuth 1.0a signing layer against RFC 5849's own examples, the encoding edge cases that
 * older libraries get wrong, RSA-SHA1 with PKCS#1 and PKCS#8 keys (checked by OpenSSL through
 * node:crypto), PLAINTEXT's https rule, and nonce uniqueness. The end-to-end check against an
 * independent provider (python3-oauthlib) lives in @dance/testing.
 */
import { constants, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DanceConfigError } from "@dance/core";
import {
  authorizationHeader,
  baseStringUri,
  createOAuth1Signer,
  generateNonce,
  normalizeParameters,
  oauth1AccessTokenRequest,
  oauth1RequestTokenRequest,
  oauth1Sign,
  oauthTimestamp,
  parseOAuth1TokenResponse,
  percentEncode,
  signatureBaseString,
  signOAuth1Request,
  type OAuth1Signer,
} from "../src/oauth1/index.js";

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const at = (seconds: number) => () => seconds * 1000;

/** The oauth_signature of an `Authorization: OAuth …` header, decoded. */
function signatureOf(authorization: string | null): string {
  const match = /oauth_signature="([^"]*)"/.exec(authorization ?? "");
  if (!match) throw new Error(`no oauth_signature in ${authorization}`);
  return decodeURIComponent(match[1]!);
}

/** A signer whose base strings are easy to read: fixed key, no oauth_version. */
function plainSigner(): Promise<OAuth1Signer> {
  return createOAuth1Signer({ consumerKey: "ck", consumerSecret: "cs", includeVersion: false });
}

/** The normalized request parameters (third part of the base string, decoded once), protocol parameters left out. */
async function normalizedOf(request: Request): Promise<string> {
  const form = request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded") ? new Uint8Array(await request.clone().arrayBuffer()) : null;
  const { baseString } = await oauth1Sign(await plainSigner(), { method: request.method, url: request.url, form }, { nonce: "n", now: at(1) });
  return decodeURIComponent(baseString.split("&")[2]!)
    .split("&")
    .filter((pair) => !pair.startsWith("oauth_"))
    .join("&");
}

describe("RFC 5849 §1.2: the photos example, three signed calls", () => {
  // Client credentials of printer.example.com at photos.example.net; the RFC sends no oauth_version.
  const printer = () => createOAuth1Signer({ consumerKey: "dpf43f3p2l4k3l03", consumerSecret: "kd94hf93k423kf44", realm: "Photos", includeVersion: false });

  it("temporary credentials: POST /initiate with oauth_callback", async () => {
    const request = await oauth1RequestTokenRequest(await printer(), "https://photos.example.net/initiate", {
      callback: "http://printer.example.com/ready",
      nonce: "wIjqoS",
      now: at(137131200),
    });
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://photos.example.net/initiate");
    expect(request.headers.get("authorization")).toBe(
      'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131200", ' +
        'oauth_nonce="wIjqoS", oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready", oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"',
    );
    expect(parseOAuth1TokenResponse("oauth_token=hh5s93j4hdidpola&oauth_token_secret=hdhd0244k9j7ao03&oauth_callback_confirmed=true")).toEqual({
      oauth_token: "hh5s93j4hdidpola",
      oauth_token_secret: "hdhd0244k9j7ao03",
      oauth_callback_confirmed: "true",
    });
  });

  it("token credentials: POST /token signed with the temporary credentials' secret and the verifier", async () => {
    const request = await oauth1AccessTokenRequest(await printer(), "https://photos.example.net/token", {
      requestToken: { oauth_token: "hh5s93j4hdidpola", oauth_token_secret: "hdhd0244k9j7ao03" },
      verifier: "hfdp7dh39dks9884",
      nonce: "walatlh",
      now: at(137131201),
    });
    expect(request.method).toBe("POST");
    expect(request.headers.get("authorization")).toBe(
      'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="hh5s93j4hdidpola", oauth_signature_method="HMAC-SHA1", ' +
        'oauth_timestamp="137131201", oauth_nonce="walatlh", oauth_verifier="hfdp7dh39dks9884", oauth_signature="gKgrFCywp7rO0OXSjdot%2FIHF7IU%3D"',
    );
  });

  it("the protected resource: GET /photos?file=vacation.jpg&size=original with the token credentials", async () => {
    const token = { oauth_token: "nnch734d00sl2jdk", oauth_token_secret: "pfkkdhi9sl3r4s00" };
    const signed = await signOAuth1Request(await printer(), new Request("http://photos.example.net/photos?file=vacation.jpg&size=original"), token, {
      nonce: "chapoH",
      now: at(137131202),
    });
    expect(signed.url).toBe("http://photos.example.net/photos?file=vacation.jpg&size=original");
    expect(signed.headers.get("authorization")).toBe(
      'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="nnch734d00sl2jdk", oauth_signature_method="HMAC-SHA1", ' +
        'oauth_timestamp="137131202", oauth_nonce="chapoH", oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"',
    );
  });
});

describe("RFC 5849 §3.4.1: the signature base string example", () => {
  // §3.4.1.1's request. Its secrets are those of §3.1's example (client "j49sk3j29djd", token "dh893hdasih9").
  const url = "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b";
  const oauth = {
    oauth_consumer_key: "9djdj82h48djs9d2",
    oauth_token: "kkk9d7dh3k39sjv7",
    oauth_signature_method: "HMAC-SHA1",
    oauth_timestamp: "137131201",
    oauth_nonce: "7d8f3e4a",
  };
  const BASE_STRING =
    "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2" +
    "%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7";
  // The RFC prints oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D" for this request: a known
  // erratum (RFC errata 2550). HMAC-SHA1 of the RFC's own base string with "j49sk3j29djd&dh893hdasih9"
  // is r6/TJjbCOr97/+UU0NsvSne7s5g=, as `openssl dgst -sha1 -hmac` and python3-oauthlib both compute.
  const SIGNATURE = "r6/TJjbCOr97/+UU0NsvSne7s5g=";

  it("§3.4.1.1: the exact base string from the parts, realm and oauth_signature never signed", () => {
    const base = signatureBaseString({ method: "post", url, form: "c2&a3=2+q", oauth: { ...oauth, realm: "Example", oauth_signature: "x" } });
    expect(base).toBe(BASE_STRING);
  });

  it("§3.4.1.1: the exact base string and signature of the web Request, whose form body is still sent", async () => {
    const signer = await createOAuth1Signer({ consumerKey: "9djdj82h48djs9d2", consumerSecret: "j49sk3j29djd", realm: "Example", includeVersion: false });
    const token = { oauth_token: "kkk9d7dh3k39sjv7", oauth_token_secret: "dh893hdasih9" };
    const options = { nonce: "7d8f3e4a", now: at(137131201) };
    const parts = await oauth1Sign(signer, { method: "POST", url, form: "c2&a3=2+q", token }, options);
    expect(parts.baseString).toBe(BASE_STRING);
    expect(parts.oauth["oauth_signature"]).toBe(SIGNATURE);

    const signed = await signOAuth1Request(signer, new Request(url, { method: "POST", headers: FORM, body: "c2&a3=2+q" }), token, options);
    expect(signed.headers.get("authorization")).toBe(
      'OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7", oauth_signature_method="HMAC-SHA1", ' +
        'oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", oauth_signature="r6%2FTJjbCOr97%2F%2BUU0NsvSne7s5g%3D"',
    );
    expect(await signed.text()).toBe("c2&a3=2+q");
    expect(signed.headers.get("content-type")).toBe(FORM["content-type"]);
  });

  it("§3.4.1.3.2: the normalized parameters of the example", () => {
    const decoded: [string, string][] = [
      ["b5", "=%3D"], ["a3", "a"], ["c@", ""], ["a2", "r b"], ...Object.entries(oauth), ["c2", ""], ["a3", "2 q"],
    ];
    expect(normalizeParameters(decoded)).toBe(
      "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7",
    );
  });

  it("§3.4.1.2: the base string URI examples", () => {
    expect(baseStringUri("http://EXAMPLE.COM:80/r%20v/X?id=123")).toBe("http://example.com/r%20v/X");
    expect(baseStringUri("https://www.example.net:8080/?q=1")).toBe("https://www.example.net:8080/");
  });
});

describe("encoding edge cases", () => {
  it("§3.6 percent-encoding: unreserved kept, everything else %XX upper-case from UTF-8, sub-delims included", () => {
    expect(percentEncode("AZaz09-._~")).toBe("AZaz09-._~");
    expect(percentEncode("!*'() +=&/:@%")).toBe("%21%2A%27%28%29%20%2B%3D%26%2F%3A%40%25");
    expect(percentEncode("é☃😀")).toBe("%C3%A9%E2%98%83%F0%9F%98%80");
    expect(percentEncode("\u00ff\n")).toBe("%C3%BF%0A");
  });

  it("'=' inside a query or form value stays in the value; '+' is a space; %2B is a plus", async () => {
    expect(await normalizedOf(new Request("https://api.example.com/x?a=b=c&q=x+y&p=1%2B1&e=="))).toBe("a=b%3Dc&e=%3D&p=1%2B1&q=x%20y");
    expect(
      await normalizedOf(new Request("https://api.example.com/x", { method: "POST", headers: FORM, body: "token=ab==&msg=hello+world%21&plus=%2B" })),
    ).toBe("msg=hello%20world%21&plus=%2B&token=ab%3D%3D");
  });

  it("repeated names are all kept, sorted by value", async () => {
    expect(await normalizedOf(new Request("https://api.example.com/x?a=2&a=10&a=&a=1&b=z"))).toBe("a=&a=1&a=10&a=2&b=z");
  });

  it("a name present in both the query and the form body is kept from both", async () => {
    const request = new Request("https://api.example.com/x?a=1&c=3", { method: "POST", headers: FORM, body: "a=2&b=2" });
    expect(await normalizedOf(request)).toBe("a=1&a=2&b=2&c=3");
  });

  it("query names are decoded and re-encoded; an empty query, empty segments and bare names are handled", async () => {
    expect(await normalizedOf(new Request("https://api.example.com/x?a%20b=1&a+c=2&%7E=3"))).toBe("a%20b=1&a%20c=2&~=3");
    expect(await normalizedOf(new Request("https://api.example.com/x?"))).toBe("");
    expect(await normalizedOf(new Request("https://api.example.com/x?a=1&&b&=v"))).toBe("=v&a=1&b=");
  });

  it("Object.prototype names are ordinary parameters", async () => {
    expect(await normalizedOf(new Request("https://api.example.com/x?constructor=1&__proto__=2&toString=3"))).toBe("__proto__=2&constructor=1&toString=3");
  });

  it("stray '%', bad hex and non-UTF-8 octets are signed as sent, without throwing", async () => {
    expect(await normalizedOf(new Request("https://api.example.com/x?a=100%&b=%zz&c=%FF%e9"))).toBe("a=100%25&b=%25zz&c=%FF%E9");
    const latin1 = new Request("https://api.example.com/x", { method: "POST", headers: FORM, body: new Uint8Array([0x6e, 0x3d, 0xe9, 0x2b]) });
    expect(await normalizedOf(latin1)).toBe("n=%E9%20");
  });

  it("base string URI: scheme and host lower-cased, :80/:443 dropped, other ports kept, path as sent, query and fragment dropped", () => {
    expect(baseStringUri("HTTP://Api.Example.COM:80/Path/To?q=1#frag")).toBe("http://api.example.com/Path/To");
    expect(baseStringUri("HTTPS://API.EXAMPLE.COM:443/v1/")).toBe("https://api.example.com/v1/");
    expect(baseStringUri("https://api.example.com:80/")).toBe("https://api.example.com:80/");
    expect(baseStringUri("http://api.example.com:443/")).toBe("http://api.example.com:443/");
    expect(baseStringUri("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080/");
    expect(baseStringUri("http://[::1]:9000/a%2Fb/%7Ec")).toBe("http://[::1]:9000/a%2Fb/%7Ec");
    expect(baseStringUri(new URL("https://user:pass@example.com/p#x"))).toBe("https://example.com/p");
    expect(() => baseStringUri("ftp://example.com/")).toThrow(TypeError);
    expect(() => baseStringUri("/relative")).toThrow(TypeError);
  });

  it("a request to an upper-case host with an explicit default port is signed like the normalised URL", async () => {
    const signer = await plainSigner();
    const options = { nonce: "n", now: at(1) };
    const a = await signOAuth1Request(signer, new Request("HTTPS://API.Example.COM:443/v1/me?x=1#top"), null, options);
    const b = await signOAuth1Request(signer, new Request("https://api.example.com/v1/me?x=1"), null, options);
    expect(signatureOf(a.headers.get("authorization"))).toBe(signatureOf(b.headers.get("authorization")));
  });

  it("only a form-urlencoded body is signed (charset parameter and case allowed); JSON and text bodies are sent unsigned", async () => {
    const signer = await plainSigner();
    const options = { nonce: "n", now: at(1) };
    const sig = async (init?: RequestInit) =>
      signatureOf((await signOAuth1Request(signer, new Request("https://api.example.com/x", { method: "POST", ...init }), null, options)).headers.get("authorization"));
    const none = await sig();
    expect(await sig({ headers: { "content-type": "application/json" }, body: '{"a":"1"}' })).toBe(none);
    expect(await sig({ headers: { "content-type": "text/plain" }, body: "a=1" })).toBe(none);
    const form = await sig({ headers: FORM, body: "a=1" });
    expect(form).not.toBe(none);
    expect(await sig({ headers: { "content-type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8" }, body: "a=1" })).toBe(form);
    expect(await sig({ body: new URLSearchParams({ a: "1" }) })).toBe(form); // fetch sets the form content type itself

    const json = await signOAuth1Request(signer, new Request("https://api.example.com/x", { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}' }));
    expect(await json.json()).toEqual({ a: 1 });
  });

  it("the HTTP method is upper-cased in the base string; other headers are kept, Authorization replaced", async () => {
    const signer = await plainSigner();
    const { baseString } = await oauth1Sign(signer, { method: "patch", url: "https://api.example.com/x" }, { nonce: "n", now: at(1) });
    expect(baseString.startsWith("PATCH&https%3A%2F%2Fapi.example.com%2Fx&")).toBe(true);
    const signed = await signOAuth1Request(signer, new Request("https://api.example.com/x", { headers: { accept: "application/json", authorization: "Bearer old" } }));
    expect(signed.headers.get("accept")).toBe("application/json");
    expect(signed.headers.get("authorization")).toMatch(/^OAuth oauth_consumer_key="ck", /);
  });

  it("protocol parameters already in the query or form body are refused, not sent twice", async () => {
    const signer = await plainSigner();
    await expect(signOAuth1Request(signer, new Request("https://api.example.com/x?oauth_token=t"))).rejects.toMatchObject({ code: "invalid_config" });
    await expect(
      signOAuth1Request(signer, new Request("https://api.example.com/x", { method: "POST", headers: FORM, body: "oauth_signature=x" })),
    ).rejects.toBeInstanceOf(DanceConfigError);
    await expect(oauth1Sign(signer, { method: "GET", url: "https://api.example.com/x", oauth: { oauth_nonce: "mine" } })).rejects.toBeInstanceOf(DanceConfigError);
    await expect(oauth1Sign(signer, { method: "GET", url: "https://api.example.com/x", oauth: { callback: "x" } })).rejects.toBeInstanceOf(DanceConfigError);
    await expect(oauth1RequestTokenRequest(signer, "https://api.example.com/initiate", { callback: "/relative" })).rejects.toBeInstanceOf(DanceConfigError);
    await expect(oauth1AccessTokenRequest(signer, "https://api.example.com/token", { requestToken: { oauth_token: "t", oauth_token_secret: "s" }, verifier: "" })).rejects.toBeInstanceOf(DanceConfigError);
  });

  it("the Authorization header: realm first and unencoded, oauth_* names and values §3.6-encoded, other names left out", () => {
    expect(authorizationHeader({ oauth_consumer_key: "a b", oauth_signature: "x/y+z=", other: "no" }, "Photos")).toBe(
      'OAuth realm="Photos", oauth_consumer_key="a%20b", oauth_signature="x%2Fy%2Bz%3D"',
    );
    expect(() => authorizationHeader({}, 'a"b')).toThrow(TypeError);
  });

  it("token responses: the credentials and every other field; undefined without exactly one token and secret", () => {
    expect(parseOAuth1TokenResponse("oauth_token=a%2Bb&oauth_token_secret=s+t&user_id=42&screen_name=ada")).toEqual({
      oauth_token: "a+b",
      oauth_token_secret: "s t",
      user_id: "42",
      screen_name: "ada",
    });
    expect(parseOAuth1TokenResponse("oauth_token=a")).toBeUndefined();
    expect(parseOAuth1TokenResponse("oauth_token=&oauth_token_secret=s")).toBeUndefined();
    expect(parseOAuth1TokenResponse("oauth_token=a&oauth_token=b&oauth_token_secret=s")).toBeUndefined();
    expect(parseOAuth1TokenResponse("<html>502</html>")).toBeUndefined();
  });
});

describe("signature methods", () => {
  it("HMAC-SHA1 is the default; the version is sent unless turned off; timestamps are whole seconds", async () => {
    const signer = await createOAuth1Signer({ consumerKey: "ck", consumerSecret: "cs" });
    expect(signer.signatureMethod).toBe("HMAC-SHA1");
    expect(Object.isFrozen(signer)).toBe(true);
    const { oauth } = await oauth1Sign(signer, { method: "GET", url: "https://api.example.com/" }, { now: () => 1_700_000_000_999 });
    expect(oauth).toMatchObject({ oauth_signature_method: "HMAC-SHA1", oauth_version: "1.0", oauth_timestamp: "1700000000" });
    expect(oauth["oauth_nonce"]).toMatch(/^[0-9a-f]{64}$/);
    const before = Math.floor(Date.now() / 1000);
    const live = await oauth1Sign(signer, { method: "GET", url: "https://api.example.com/" });
    expect(Number(live.oauth["oauth_timestamp"])).toBeGreaterThanOrEqual(before);
    expect(Number(live.oauth["oauth_timestamp"])).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(oauthTimestamp(999)).toBe("0");
  });

  it("HMAC-SHA1 keys are encoded secrets joined by '&' (checked by node:crypto), with and without a token secret", async () => {
    const { createHmac } = await import("node:crypto");
    const signer = await createOAuth1Signer({ consumerKey: "ck", consumerSecret: "c s&!" });
    for (const token of [null, { oauth_token: "t", oauth_token_secret: "t+s/é" }]) {
      const { baseString, oauth } = await oauth1Sign(signer, { method: "GET", url: "https://api.example.com/", token });
      const key = `${percentEncode("c s&!")}&${token ? percentEncode(token.oauth_token_secret) : ""}`;
      expect(oauth["oauth_signature"]).toBe(createHmac("sha1", key).update(baseString).digest("base64"));
    }
  });

  it("configuration errors are DanceConfigErrors at createOAuth1Signer time", async () => {
    await expect(createOAuth1Signer({ consumerKey: "", consumerSecret: "s" })).rejects.toMatchObject({ code: "invalid_config" });
    await expect(createOAuth1Signer({ consumerKey: "k" })).rejects.toBeInstanceOf(DanceConfigError);
    await expect(createOAuth1Signer({ consumerKey: "k", consumerSecret: "s", signatureMethod: "HMAC-SHA256" as never })).rejects.toBeInstanceOf(DanceConfigError);
    await expect(createOAuth1Signer({ consumerKey: "k", consumerSecret: "s", realm: 'a"b' })).rejects.toBeInstanceOf(DanceConfigError);
    await expect(createOAuth1Signer({ consumerKey: "k", signatureMethod: "RSA-SHA1" })).rejects.toBeInstanceOf(DanceConfigError);
  });

  it("PLAINTEXT is refused over http and sends the encoded secrets over https", async () => {
    const signer = await createOAuth1Signer({ consumerKey: "ck", consumerSecret: "c&s", signatureMethod: "PLAINTEXT" });
    const token = { oauth_token: "t", oauth_token_secret: "t s" };
    await expect(signOAuth1Request(signer, new Request("http://api.example.com/x"), token)).rejects.toMatchObject({ code: "invalid_config" });
    await expect(oauth1RequestTokenRequest(signer, "http://127.0.0.1:1/initiate", { callback: "oob" })).rejects.toBeInstanceOf(DanceConfigError);
    const signed = await signOAuth1Request(signer, new Request("https://api.example.com/x"), token);
    expect(signatureOf(signed.headers.get("authorization"))).toBe("c%26s&t%20s");
    expect(signed.headers.get("authorization")).toContain('oauth_signature_method="PLAINTEXT"');
  });

  describe("RSA-SHA1", () => {
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pkcs1 = pair.privateKey.export({ type: "pkcs1", format: "pem" }) as string;
    const pkcs8 = pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    const rsa = (privateKey: string | CryptoKey) => createOAuth1Signer({ consumerKey: "ck", signatureMethod: "RSA-SHA1", privateKey });
    const photos = { method: "GET", url: "http://photos.example.net/photos?file=vacation.jpg&size=original", token: { oauth_token: "nnch734d00sl2jdk", oauth_token_secret: "ignored" } };
    const fixed = { nonce: "chapoH", now: at(137131202) };

    it("PKCS#1 ('BEGIN RSA PRIVATE KEY') and PKCS#8 ('BEGIN PRIVATE KEY') keys give the same signature, verified by OpenSSL", async () => {
      expect(pkcs1).toContain("-----BEGIN RSA PRIVATE KEY-----");
      expect(pkcs8).toContain("-----BEGIN PRIVATE KEY-----");
      const one = await oauth1Sign(await rsa(pkcs1), photos, fixed);
      const eight = await oauth1Sign(await rsa(pkcs8), photos, fixed);
      expect(one.oauth["oauth_signature_method"]).toBe("RSA-SHA1");
      expect(one.baseString).toBe(eight.baseString);
      expect(one.oauth["oauth_signature"]).toBe(eight.oauth["oauth_signature"]);
      const signature = Buffer.from(one.oauth["oauth_signature"]!, "base64");
      expect(signature).toHaveLength(256);
      // RSASSA-PKCS1-v1_5 is deterministic: OpenSSL signs the same base string to the same bytes.
      expect(nodeSign("sha1", Buffer.from(one.baseString), { key: pair.privateKey, padding: constants.RSA_PKCS1_PADDING })).toEqual(signature);
      expect(nodeVerify("sha1", Buffer.from(one.baseString), createPublicKey(pair.privateKey), signature)).toBe(true);
    });

    it("a PEM with CRLF line ends and surrounding text is accepted; a WebCrypto CryptoKey too", async () => {
      const crlf = `key for the printer:\r\n${pkcs1.replace(/\n/g, "\r\n")}\r\n`;
      const reference = (await oauth1Sign(await rsa(pkcs8), photos, fixed)).oauth["oauth_signature"];
      expect((await oauth1Sign(await rsa(crlf), photos, fixed)).oauth["oauth_signature"]).toBe(reference);
      const der = pair.privateKey.export({ type: "pkcs8", format: "der" });
      const key = await crypto.subtle.importKey("pkcs8", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-1" }, false, ["sign"]);
      expect((await oauth1Sign(await rsa(key), photos, fixed)).oauth["oauth_signature"]).toBe(reference);
    });

    it("a bad key is a clear DanceConfigError (code invalid_config) at configuration time, never echoing the key", async () => {
      const encrypted = pair.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pw" }) as string;
      const encryptedPkcs1 = pair.privateKey.export({ type: "pkcs1", format: "pem", cipher: "aes-256-cbc", passphrase: "pw" }) as string;
      const publicPem = createPublicKey(pair.privateKey).export({ type: "spki", format: "pem" }) as string;
      const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
      const body = pkcs8.split("\n")[1]!;
      const truncated = pkcs8.replace(/(-----BEGIN PRIVATE KEY-----\n)[\s\S]*?(\n-----END)/, (_, begin: string, end: string) => `${begin}${body}${end}`);
      const cases: [string, RegExp][] = [
        ["not a key", /not PEM/],
        [encrypted, /encrypted/],
        [encryptedPkcs1, /encrypted/],
        [publicPem, /"PUBLIC KEY" is not an RSA private key/],
        [ec, /could not be imported/],
        [truncated, /could not be imported/],
        [pkcs8.replace("MII", "M*I"), /not valid base64/],
      ];
      for (const [pem, message] of cases) {
        const error = await rsa(pem).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, pem.slice(0, 40)).toBeInstanceOf(DanceConfigError);
        expect(error).toMatchObject({ code: "invalid_config" });
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).not.toContain(body.slice(0, 16));
      }
      const hmac = await crypto.subtle.importKey("raw", new Uint8Array(16), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
      await expect(rsa(hmac)).rejects.toBeInstanceOf(DanceConfigError);
      await expect(createOAuth1Signer({ consumerKey: "k", consumerSecret: "s", privateKey: pkcs8 })).rejects.toBeInstanceOf(DanceConfigError);
    });
  });
});

describe("nonces", () => {
  it("10,000 signatures carry 10,000 distinct 256-bit nonces", async () => {
    const signer = await plainSigner();
    const nonces = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const { oauth } = await oauth1Sign(signer, { method: "GET", url: "https://api.example.com/" });
      nonces.add(oauth["oauth_nonce"]!);
    }
    expect(nonces.size).toBe(10_000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{64}$/);
  });

  it("generateNonce: 32 random octets as hex, 10,000 distinct", () => {
    const nonces = new Set(Array.from({ length: 10_000 }, generateNonce));
    expect(nonces.size).toBe(10_000);
  });
});
