// A GitHub-shaped OAuth2 server for the browser tests (node, no packages): the authorize page
// a person clicks through, the token endpoint (client secret in the body, PKCE S256 required,
// a bad code answered with 200 and an error body, as GitHub does) and the REST API's /api/user
// and /api/user/emails for the tokens it issued. In memory; started by scripts/services/github.sh.
//
// Usage: node github.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI
//
//   GET  /login/oauth/authorize?...   page "Sign in to GitHub": field "Username", buttons
//                                     "Authorize" and "Cancel"
//   POST /login/oauth/authorize       303 to REDIRECT_URI?code=...&state=... (Cancel:
//                                     ?error=access_denied&state=...)
//   POST /login/oauth/access_token    {"access_token", "token_type": "bearer", "scope"}
//   GET  /api/user, /api/user/emails  with "Authorization: Bearer <token>"
//   PUT  /__test/users/LOGIN          JSON {"id", "name", "emails": [{"email", "primary",
//                                     "verified"}]} sets what LOGIN signs in as. Default: a
//                                     stable id from the login, LOGIN@users.github.test
//                                     primary and verified.
import http from "node:http";
import crypto from "node:crypto";

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const users = new Map();
const grants = new Map();
const tokens = new Map();

function userFor(login) {
  const set = users.get(login) ?? {};
  const id = set.id ?? parseInt(crypto.createHash("sha256").update(login).digest("hex").slice(0, 8), 16);
  return {
    id,
    login,
    name: set.name ?? null,
    emails: set.emails ?? [{ email: `${login}@users.github.test`, primary: true, verified: true }],
  };
}

function send(res, status, body, type = "application/json") {
  res.writeHead(status, { "content-type": type });
  res.end(type === "application/json" ? JSON.stringify(body) : body);
}

function body(req) {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function bearer(req) {
  const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
  return req.headers["user-agent"] ? tokens.get(token) : undefined;
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  const q = url.searchParams;
  if (req.method === "GET" && url.pathname === "/login/oauth/authorize") {
    if (q.get("client_id") !== clientId || q.get("redirect_uri") !== redirectUri) {
      return send(res, 400, "<h1>Error</h1><p>invalid client or redirect_uri</p>", "text/html");
    }
    if (q.get("code_challenge_method") !== "S256" || !q.get("code_challenge")) {
      return send(res, 400, "<h1>Error</h1><p>PKCE S256 required</p>", "text/html");
    }
    const hidden = ["state", "code_challenge"]
      .map((k) => `<input type="hidden" name="${k}" value="${escape(q.get(k) ?? "")}">`)
      .join("");
    return send(
      res,
      200,
      `<!doctype html><title>Sign in to GitHub</title><h1>Sign in to GitHub</h1>
       <form method="post">${hidden}<label>Username <input name="login"></label>
       <button name="action" value="authorize">Authorize</button>
       <button name="action" value="cancel">Cancel</button></form>`,
      "text/html",
    );
  }
  if (req.method === "POST" && url.pathname === "/login/oauth/authorize") {
    const form = new URLSearchParams(await body(req));
    const back = new URL(redirectUri);
    back.searchParams.set("state", form.get("state") ?? "");
    if (form.get("action") === "cancel") {
      back.searchParams.set("error", "access_denied");
    } else {
      const code = crypto.randomBytes(16).toString("hex");
      grants.set(code, { login: form.get("login") || "octocat", challenge: form.get("code_challenge") });
      back.searchParams.set("code", code);
    }
    res.writeHead(303, { location: back.toString() });
    return res.end();
  }
  if (req.method === "POST" && url.pathname === "/login/oauth/access_token") {
    const form = new URLSearchParams(await body(req));
    if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
      return send(res, 200, { error: "incorrect_client_credentials" });
    }
    const grant = grants.get(form.get("code") ?? "");
    grants.delete(form.get("code") ?? "");
    const challenge = crypto.createHash("sha256").update(form.get("code_verifier") ?? "").digest("base64url");
    if (!grant || grant.challenge !== challenge) return send(res, 200, { error: "bad_verification_code" });
    const token = `gho_${crypto.randomBytes(16).toString("hex")}`;
    tokens.set(token, grant.login);
    return send(res, 200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
  }
  if (req.method === "GET" && (url.pathname === "/api/user" || url.pathname === "/api/user/emails")) {
    const login = bearer(req);
    if (!login) return send(res, 401, { message: "Bad credentials" });
    const user = userFor(login);
    if (url.pathname === "/api/user") {
      return send(res, 200, { id: user.id, login, name: user.name, avatar_url: null });
    }
    return send(res, 200, user.emails.map((e) => ({ ...e, visibility: null })));
  }
  const control = url.pathname.match(/^\/__test\/users\/(.+)$/);
  if (req.method === "PUT" && control) {
    users.set(decodeURIComponent(control[1]), JSON.parse((await body(req)) || "{}"));
    return send(res, 200, userFor(decodeURIComponent(control[1])));
  }
  send(res, 404, { message: "Not Found" });
});

server.listen(Number(port), "127.0.0.1", () => console.log(`GitHub fake on 127.0.0.1:${port}`));
