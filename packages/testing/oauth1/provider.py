"""An OAuth 1.0a provider for tests, built on oauthlib's RFC 5849 endpoints.

It is the independent verifier of Dance's OAuth 1 signing: every signature, nonce, timestamp,
token and verifier is judged by oauthlib (Debian's python3-oauthlib), never by Dance's code.

Usage: /usr/bin/python3 provider.py CONFIG_JSON

CONFIG_JSON is a JSON object:
  {"clients": [{"key": "...", "secret": "..."},                  HMAC-SHA1 (and PLAINTEXT)
               {"key": "...", "rsa_public_key": "-----BEGIN PUBLIC KEY-----..."}],   RSA-SHA1
   "deny": false,              authorize answers the callback with denied=<token> instead
   "confirm_callback": true,   false: the request-token answer lacks oauth_callback_confirmed
                               (what an OAuth 1.0, not 1.0a, provider answers)
   "timestamp_lifetime": 600}  seconds a timestamp may differ from the provider's clock

It binds 127.0.0.1 on a free port and prints that port as the first line of stdout. It exits
when its standard input closes (the launcher holds it open), so it never outlives the test run.

Routes (the request URI is rebuilt from the Host header, as a server behind a proxy would):
  POST /oauth/request_token   RequestTokenEndpoint (oauth_callback required)
  GET  /oauth/authorize       AuthorizationEndpoint, auto-approving: 302 to the callback with
                              oauth_token and oauth_verifier; with deny (config, or ?deny=1 on
                              the URL) 302 to the callback with denied=<oauth_token>
  POST /oauth/access_token    AccessTokenEndpoint (request token + verifier + its secret)
  *    /api/...               ResourceEndpoint: 200 JSON describing the verified request
                              (method, path, query, form, client, token); 401 JSON with
                              oauthlib's reason otherwise
"""

import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

try:
    from oauthlib.common import UNICODE_ASCII_CHARACTER_SET, add_params_to_uri
    from oauthlib.oauth1 import (
        AccessTokenEndpoint,
        AuthorizationEndpoint,
        RequestTokenEndpoint,
        RequestValidator,
        ResourceEndpoint,
    )
    from oauthlib.oauth1.rfc5849 import errors as oauth_errors
except ImportError as error:  # the launcher turns this line into an install hint
    print(f"oauthlib missing: {error}", file=sys.stderr, flush=True)
    sys.exit(3)

DUMMY_SECRET = "dummy-secret-never-issued"
TOKEN_CHARACTERS = set(UNICODE_ASCII_CHARACTER_SET)


class Validator(RequestValidator):
    """A real validator: clients from the config; request tokens bound to their client, single
    use, carrying their callback and verifier; access tokens bound to their client; every
    (client, timestamp, nonce, token) accepted once. `failures` collects why a request failed."""

    def __init__(self, config):
        super().__init__()
        self.clients = {c["key"]: c for c in config.get("clients", [])}
        self.lifetime = int(config.get("timestamp_lifetime", 600))
        self.request_tokens = {}  # token -> {client, secret, callback, verifier, realms}
        self.access_tokens = {}  # token -> {client, secret, realms}
        self.nonces = {}  # (client, timestamp, nonce, token) -> expiry
        self.failures = []
        rsa_keys = [c["rsa_public_key"] for c in self.clients.values() if c.get("rsa_public_key")]
        self.dummy_rsa_key = rsa_keys[0] if rsa_keys else None

    def fail(self, reason):
        self.failures.append(reason)
        return False

    # Formats: oauthlib's defaults are 20-30 letters and digits; Dance's nonces are 64 hex digits.
    @property
    def enforce_ssl(self):
        return False  # loopback test server; nothing leaves 127.0.0.1

    @property
    def safe_characters(self):
        return TOKEN_CHARACTERS | set("-_")

    @property
    def client_key_length(self):
        return 3, 64

    @property
    def nonce_length(self):
        return 16, 64

    @property
    def timestamp_lifetime(self):
        return self.lifetime

    @property
    def dummy_client(self):
        return "dummy-client-never-registered"

    @property
    def dummy_request_token(self):
        return "dummyrequesttokenneverissued0"

    @property
    def dummy_access_token(self):
        return "dummyaccesstokenneverissued00"

    # Clients
    def validate_client_key(self, client_key, request):
        return client_key in self.clients or self.fail("unknown client")

    def get_client_secret(self, client_key, request):
        client = self.clients.get(client_key)
        return client.get("secret", DUMMY_SECRET) if client else DUMMY_SECRET

    def get_rsa_key(self, client_key, request):
        client = self.clients.get(client_key)
        key = client.get("rsa_public_key") if client else None
        return key or self.dummy_rsa_key

    def validate_timestamp_and_nonce(self, client_key, timestamp, nonce, request, request_token=None, access_token=None):
        now = time.time()
        for seen, expiry in list(self.nonces.items()):
            if expiry < now:
                del self.nonces[seen]
        key = (client_key, timestamp, nonce, request_token or access_token)
        if key in self.nonces:
            return self.fail("nonce already used")
        self.nonces[key] = now + 2 * self.lifetime
        return True

    # Realms: none are offered, so only requests without a realm (or with an empty one) pass.
    def get_default_realms(self, client_key, request):
        return []

    def validate_requested_realms(self, client_key, realms, request):
        return True

    def get_realms(self, token, request):
        record = self.request_tokens.get(token)
        return record["realms"] if record else []

    def verify_realms(self, token, realms, request):
        return True

    def validate_realms(self, client_key, token, request, uri=None, realms=None):
        return True

    # Temporary credentials
    def validate_redirect_uri(self, client_key, redirect_uri, request):
        if redirect_uri == "oob":
            return True
        parts = urlsplit(redirect_uri)
        allowed = self.clients.get(client_key, {}).get("callbacks")
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return self.fail("callback is not an absolute http(s) URL")
        if allowed is not None and redirect_uri not in allowed:
            return self.fail("callback not registered")
        return True

    def save_request_token(self, token, request):
        self.request_tokens[token["oauth_token"]] = {
            "client": request.client_key,
            "secret": token["oauth_token_secret"],
            "callback": request.redirect_uri,
            "verifier": None,
            "realms": request.realms or [],
        }

    def verify_request_token(self, token, request):
        record = self.request_tokens.get(token)
        return (record is not None and record["verifier"] is None) or self.fail("unknown or already authorized request token")

    def get_redirect_uri(self, token, request):
        return self.request_tokens[token]["callback"]

    def save_verifier(self, token, verifier, request):
        self.request_tokens[token]["verifier"] = verifier["oauth_verifier"]

    # Token credentials
    def get_request_token_secret(self, client_key, token, request):
        record = self.request_tokens.get(token)
        return record["secret"] if record and record["client"] == client_key else DUMMY_SECRET

    def validate_request_token(self, client_key, token, request):
        record = self.request_tokens.get(token)
        if record is None:
            return self.fail("unknown request token")
        return record["client"] == client_key or self.fail("request token issued to another client")

    def validate_verifier(self, client_key, token, verifier, request):
        record = self.request_tokens.get(token)
        if record is None or record["client"] != client_key or record["verifier"] is None:
            return self.fail("request token not authorized")
        return hmac.compare_digest(record["verifier"], verifier) or self.fail("wrong verifier")

    def invalidate_request_token(self, client_key, request_token, request):
        self.request_tokens.pop(request_token, None)

    def save_access_token(self, token, request):
        self.access_tokens[token["oauth_token"]] = {
            "client": request.client_key,
            "secret": token["oauth_token_secret"],
            "realms": request.realms or [],
        }

    # Protected resources
    def get_access_token_secret(self, client_key, token, request):
        record = self.access_tokens.get(token)
        return record["secret"] if record and record["client"] == client_key else DUMMY_SECRET

    def validate_access_token(self, client_key, token, request):
        record = self.access_tokens.get(token)
        if record is None:
            return self.fail("unknown access token")
        return record["client"] == client_key or self.fail("access token issued to another client")


class Reasons:
    """Mixin over oauthlib's endpoints that records why a request failed (ResourceEndpoint
    swallows its errors, and the token endpoints answer a bare 401)."""

    def _record(self, check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except oauth_errors.OAuth1Error as error:
            self.request_validator.failures.append(f"{error.error}: {error.description}")
            raise

    def _create_request(self, *args, **kwargs):
        return self._record(super()._create_request, *args, **kwargs)

    def _check_mandatory_parameters(self, *args, **kwargs):
        return self._record(super()._check_mandatory_parameters, *args, **kwargs)

    def _check_transport_security(self, *args, **kwargs):
        return self._record(super()._check_transport_security, *args, **kwargs)

    def _check_signature(self, request, is_token_request=False):
        valid = super()._check_signature(request, is_token_request=is_token_request)
        if not valid:
            self.request_validator.failures.append(f"invalid signature ({request.signature_method})")
        return valid


class RequestTokens(Reasons, RequestTokenEndpoint):
    pass


class Authorizations(Reasons, AuthorizationEndpoint):
    pass


class AccessTokens(Reasons, AccessTokenEndpoint):
    pass


class Resources(Reasons, ResourceEndpoint):
    pass


def make_handler(config):
    validator = Validator(config)
    request_tokens = RequestTokens(validator)
    authorizations = Authorizations(validator)
    access_tokens = AccessTokens(validator)
    resources = Resources(validator)
    deny_all = bool(config.get("deny", False))
    confirm_callback = bool(config.get("confirm_callback", True))
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        server_version = "DanceOAuth1TestProvider/1"

        def log_message(self, format, *args):  # keep the test output clean
            pass

        def do_GET(self):
            self.handle_any()

        def do_POST(self):
            self.handle_any()

        def do_PUT(self):
            self.handle_any()

        def do_PATCH(self):
            self.handle_any()

        def do_DELETE(self):
            self.handle_any()

        def send(self, status, body=b"", headers=None):
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            # Said, not only implied by HTTP/1.0: workerd otherwise reuses the closed connection for the next request.
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def send_json(self, status, value):
            self.send(status, json.dumps(value).encode(), {"Content-Type": "application/json"})

        def refuse(self, status, reasons):
            self.send_json(status, {"error": "unauthorized" if status == 401 else "invalid_request", "reasons": reasons})

        def read_chunked(self):
            """A `Transfer-Encoding: chunked` body (RFC 9112 §7.1), which some runtimes' fetch sends for streams."""
            raw = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailer fields
                    return raw
                raw += self.rfile.read(size)
                self.rfile.readline()  # the CRLF after the chunk

        def handle_any(self):
            if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
                raw = self.read_chunked()
            else:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
            try:
                body = raw.decode("utf-8")
            except UnicodeDecodeError:
                self.refuse(400, ["body is not UTF-8"])
                return
            uri = f"http://{self.headers.get('Host', '')}{self.path}"
            headers = {name: value for name, value in self.headers.items()}
            path = urlsplit(self.path).path
            with lock:
                validator.failures = []
                try:
                    self.route(path, uri, body, headers)
                except ValueError as error:  # oauthlib's parsers raise ValueError on malformed input
                    self.refuse(400, [str(error)])

        def oauth_answer(self, answer):
            response_headers, response_body, status = answer
            if status == 200:
                self.send(200, response_body.encode(), response_headers)
            else:
                reasons = list(validator.failures)
                if response_body:
                    reasons.append(response_body)
                self.refuse(status, reasons or ["refused"])

        def route(self, path, uri, body, headers):
            method = self.command
            if path == "/oauth/request_token":
                answer = request_tokens.create_request_token_response(uri, method, body, headers)
                if not confirm_callback and answer[2] == 200:
                    kept = [(k, v) for k, v in parse_qsl(answer[1], keep_blank_values=True) if k != "oauth_callback_confirmed"]
                    answer = (answer[0], urlencode(kept), answer[2])
                self.oauth_answer(answer)
            elif path == "/oauth/access_token":
                self.oauth_answer(access_tokens.create_access_token_response(uri, method, body, headers))
            elif path == "/oauth/authorize":
                self.authorize(uri, method, headers)
            elif path.startswith("/api/"):
                self.resource(uri, method, body, headers, path)
            else:
                self.send_json(404, {"error": "not_found"})

        def authorize(self, uri, method, headers):
            query = dict(parse_qsl(urlsplit(uri).query, keep_blank_values=True))
            deny = deny_all or query.pop("deny", "") not in ("", "0", "false")
            token = query.get("oauth_token", "")
            # oauthlib reads every oauth_* parameter of the URL; the deny switch is not one of them.
            parts = urlsplit(uri)
            clean = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
            if deny:
                if not validator.verify_request_token(token, None):
                    self.refuse(401, validator.failures)
                    return
                callback = validator.get_redirect_uri(token, None)
                validator.invalidate_request_token(None, token, None)
                self.send(302, b"", {"Location": add_params_to_uri(callback, [("denied", token)])})
                return
            try:
                response_headers, response_body, status = authorizations.create_authorization_response(clean, method, None, headers)
            except oauth_errors.OAuth1Error as error:
                self.refuse(error.status_code, validator.failures or [error.description])
                return
            self.send(status, (response_body or "").encode(), response_headers)

        def resource(self, uri, method, body, headers, path):
            valid, request = resources.validate_protected_resource_request(uri, method, body, headers, realms=[])
            if not valid:
                self.refuse(401, validator.failures or ["refused"])
                return
            content_type = self.headers.get("Content-Type", "")
            form = parse_qsl(body, keep_blank_values=True) if "application/x-www-form-urlencoded" in content_type else None
            self.send_json(200, {
                "method": method,
                "path": path,
                "query": parse_qsl(urlsplit(uri).query, keep_blank_values=True),
                "form": form,
                "body": body,
                "content_type": content_type or None,
                "client": request.client_key,
                "token": request.resource_owner_key,
                "signature_method": request.signature_method,
                "host": self.headers.get("Host"),
            })

    return Handler


def main():
    if len(sys.argv) != 2:
        print("usage: provider.py CONFIG_JSON", file=sys.stderr)
        sys.exit(2)
    config = json.loads(sys.argv[1])
    server = HTTPServer(("127.0.0.1", 0), make_handler(config))
    print(server.server_address[1], flush=True)

    def watch_stdin():
        sys.stdin.read()  # returns at EOF: the launcher went away
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
