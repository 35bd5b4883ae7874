// An OpenID Connect provider playing Google for the tests, started by scripts/services/oidc.sh.
//
//   node provider.mjs PORT        (or OIDC_PORT=PORT node provider.mjs)
//
// Listens on 127.0.0.1:PORT with the issuer http://127.0.0.1:PORT (no trailing slash) and prints
// "listening on http://127.0.0.1:PORT" once ready. Everything is in memory and lost on exit.
//
// One client: accounts-test / accounts-test-secret, authorization code flow only, PKCE (S256)
// required, the secret taken from the Authorization header (client_secret_basic) or the form
// body (client_secret_post) alike. Its redirect URIs come from OIDC_REDIRECT_URIS (comma-separated,
// at least one) and POST /__test/redirect_uris; they are matched exactly, port included.
//
// The sign-in pages are oidc-provider's development ones: any login is accepted, with any
// password, and becomes the account id (the ID token's sub). A sign-in is asked on every
// authorization, never remembered (see withoutSessionCookie). Consent is never asked: every
// requested scope is granted. ID tokens carry the user's claims (email, email_verified, name,
// picture, ...) as Google's do.
//
// Control API, JSON, on the same port:
//   PUT    /__test/users/LOGIN      sets the claims of LOGIN (URL-encoded) to the body's, e.g.
//                                   {"email": "a@b.test", "email_verified": false, "name": "A",
//                                   "picture": "http://..."}; a claim left out takes its default,
//                                   null leaves it out of the tokens; answers the resulting claims
//   GET    /__test/users/LOGIN      the claims LOGIN signs in with
//   DELETE /__test/users/LOGIN      back to the defaults: email LOGIN@example.com (LOGIN itself when
//                                   it holds an @), email_verified true, nothing else
//   POST   /__test/redirect_uris    allows one more redirect URI, body {"redirect_uri": "http://..."}
//   GET    /__test/redirect_uris    the allowed redirect URIs

import crypto from "node:crypto";
import http from "node:http";

import Provider from "oidc-provider";

const CLIENT_ID = "accounts-test";
const CLIENT_SECRET = "accounts-test-secret";
const SCOPES = ["openid", "email", "profile"];
const CLAIMS = {
  openid: ["sub"],
  email: ["email", "email_verified"],
  profile: ["name", "given_name", "family_name", "picture", "locale"],
};
const USER_CLAIMS = new Set([...CLAIMS.email, ...CLAIMS.profile]);

const port = Number(process.argv[2] || process.env.OIDC_PORT);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error("usage: node provider.mjs PORT (or OIDC_PORT=PORT)");
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

// A redirect URI as oidc-provider registers one for a web client: http(s), no fragment.
function checkRedirectUri(uri) {
  const url = typeof uri === "string" ? URL.parse(uri) : null;
  if (!url || !["http:", "https:"].includes(url.protocol) || uri.includes("#")) {
    throw new Error(`not an http(s) URI without fragment: ${JSON.stringify(uri)}`);
  }
  return uri;
}

const redirectUris = (process.env.OIDC_REDIRECT_URIS || "")
  .split(",")
  .map((uri) => uri.trim())
  .filter(Boolean)
  .map(checkRedirectUri);
if (redirectUris.length === 0) {
  console.error("OIDC_REDIRECT_URIS is empty: give the app's callback URI(s), comma-separated");
  process.exit(2);
}
// Added through the control API; the static client's own list stays as registered.
const addedRedirectUris = new Set();

// Claims set through the control API, by login.
const users = new Map();

function claimsOf(login) {
  const claims = {
    email: login.includes("@") ? login : `${login}@example.com`,
    email_verified: true,
    ...users.get(login),
  };
  for (const [name, value] of Object.entries(claims)) {
    if (value === null) delete claims[name];
  }
  return { sub: login, ...claims };
}

// A fresh RSA key each start, named by its RFC 7638 thumbprint, for RS256 ID tokens.
const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = privateKey.export({ format: "jwk" });
const kid = crypto
  .createHash("sha256")
  .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
  .digest("base64url");

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  pkce: { required: () => true },
  scopes: SCOPES,
  claims: CLAIMS,
  // Google puts the profile claims in the ID token of the code flow too; oidc-provider's default
  // keeps them for the userinfo endpoint only.
  conformIdTokenClaims: false,
  // Lifetimes in seconds, as Google's: an hour for the tokens; a code lives a minute.
  ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Grant: 3600, Interaction: 3600, Session: 3600 },
  jwks: { keys: [{ ...jwk, kid, use: "sig", alg: "RS256" }] },
  cookies: { keys: [crypto.randomBytes(32).toString("base64url")] },
  features: { devInteractions: { enabled: true } },
  // The consent step never shows: each authorization gets a grant of what it asked for.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.account.accountId,
    });
    grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(" "));
    grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
    await grant.save();
    return grant;
  },
  async findAccount(ctx, sub) {
    return { accountId: sub, claims: async () => claimsOf(sub) };
  },
  async renderError(ctx, out) {
    ctx.type = "html";
    ctx.body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Error</title></head><body>
<h1>Error</h1><p id="error">${escapeHtml(out.error)}</p><p id="error_description">${escapeHtml(out.error_description ?? "")}</p>
</body></html>`;
  },
});

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Redirect URIs beyond the registered ones, the way oidc-provider's own recipe for wildcard
// redirect URIs does it: a static client's metadata cannot change while the provider runs.
const { redirectUriAllowed } = provider.Client.prototype;
provider.Client.prototype.redirectUriAllowed = function (uri) {
  return redirectUriAllowed.call(this, uri) || (this.clientId === CLIENT_ID && addedRedirectUris.has(uri));
};

// The development pages load a web font from Google: the tests run offline.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.response.is("html") && typeof ctx.body === "string") {
    ctx.body = ctx.body.replace(/@import url\(https:\/\/fonts\.googleapis\.com\/[^)]*\);?/g, "");
  }
});

provider.on("server_error", (ctx, err) => console.error("server_error on %s: %s", ctx.path, err.stack));

// Validates the client now rather than on the first request.
await provider.Client.find(CLIENT_ID);

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("error", reject);
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8") || "null"));
      } catch {
        reject(new Error("the body is not JSON"));
      }
    });
  });
}

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body) + "\n");
}

async function control(req, res, path) {
  const user = path.match(/^\/__test\/users\/([^/]+)$/);
  if (user) {
    const login = decodeURIComponent(user[1]);
    if (req.method === "GET") return send(res, 200, claimsOf(login));
    if (req.method === "DELETE") {
      users.delete(login);
      return send(res, 200, claimsOf(login));
    }
    if (req.method === "PUT") {
      const body = await readJson(req);
      if (!body || typeof body !== "object" || Array.isArray(body)) {
        return send(res, 400, { error: "the body must be a JSON object of claims" });
      }
      for (const [name, value] of Object.entries(body)) {
        if (!USER_CLAIMS.has(name)) {
          return send(res, 400, { error: `unknown claim ${name}; known: ${[...USER_CLAIMS].join(", ")}` });
        }
        const type = name === "email_verified" ? "boolean" : "string";
        if (value !== null && typeof value !== type) {
          return send(res, 400, { error: `${name} must be a ${type} or null` });
        }
      }
      users.set(login, body);
      return send(res, 200, claimsOf(login));
    }
  } else if (path === "/__test/redirect_uris") {
    if (req.method === "GET") return send(res, 200, [...redirectUris, ...addedRedirectUris]);
    if (req.method === "POST") {
      const body = await readJson(req);
      try {
        addedRedirectUris.add(checkRedirectUri(body?.redirect_uri));
      } catch (err) {
        return send(res, 400, { error: `redirect_uri: ${err.message}` });
      }
      return send(res, 200, [...redirectUris, ...addedRedirectUris]);
    }
  } else {
    return send(res, 404, { error: "no such control endpoint" });
  }
  return send(res, 405, { error: `${req.method} not allowed here` });
}

// The provider's session cookie is dropped from every request, so every authorization starts
// signed out and shows the sign-in form, whatever ran before in the same browser. With the session
// kept, signing in as someone else would first log the previous account out through an extra
// auto-submitted page (/session/end/confirm).
function withoutSessionCookie(req) {
  if (req.headers.cookie) {
    req.headers.cookie = req.headers.cookie
      .split(";")
      .filter((pair) => !/^\s*_session(\.sig)?=/.test(pair))
      .join(";");
  }
  return req;
}

const providerCallback = provider.callback();
const server = http.createServer((req, res) => {
  const path = req.url.split("?")[0];
  if (!path.startsWith("/__test/")) return providerCallback(withoutSessionCookie(req), res);
  control(req, res, path).catch((err) => send(res, 400, { error: err.message }));
});
server.listen(port, "127.0.0.1", () => console.log(`listening on ${issuer}`));
