// WebAuthn in the browser for the passkey islands (passkey.rs). The server's options and the
// browser's answers travel as WebAuthn's JSON forms (parse*FromJSON / toJSON), posted to the
// server functions like a hydrated form would.

export function passkeysSupported() {
  return typeof window.PublicKeyCredential === "function"
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";
}

async function post(url, fields) {
  const res = await fetch(url, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    credentials: "same-origin",
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const field = body && Array.isArray(body.fields) && body.fields.length ? body.fields[0][1] : null;
    const error = new Error((body && body.message) || field || "Something went wrong. Try again.");
    error.code = (body && body.code) || "server";
    throw error;
  }
  return body;
}

export async function addPasskey(start, finish, name) {
  const options = JSON.parse(await post(start, {}));
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options.publicKey);
  const credential = await navigator.credentials.create({ publicKey });
  await post(finish, { name, credential: JSON.stringify(credential.toJSON()) });
}

export async function signInWithPasskey(start, finish, next) {
  const options = JSON.parse(await post(start, { next }));
  const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options.publicKey);
  const credential = await navigator.credentials.get({ publicKey });
  return await post(finish, { credential: JSON.stringify(credential.toJSON()) });
}
