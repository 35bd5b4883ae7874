// WebAuthn in the browser for the passkey islands (passkey.rs). The server's options and the
// browser's answers travel as WebAuthn's JSON forms (parse*FromJSON / toJSON), posted to the
// server functions like a hydrated form would. `generic` is what a refusal the server gave no
// words for says, translated on the server (this file holds no text of its own).

export function passkeysSupported() {
  return typeof window.PublicKeyCredential === "function"
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";
}

async function post(url, fields, generic) {
  const res = await fetch(url, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    credentials: "same-origin",
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const field = body && Array.isArray(body.fields) && body.fields.length ? body.fields[0][1] : null;
    const error = new Error((body && body.message) || field || generic);
    error.code = (body && body.code) || "server";
    throw error;
  }
  return body;
}

// Posts the browser's answer with the name of the ceremony its options carried (the server
// takes only a ceremony this browser started: see app/src/api/ceremony_cookie.rs).
function answer(finish, credential, ceremony, generic, fields = {}) {
  const credentialJson = JSON.stringify(credential.toJSON());
  return post(finish, { ...fields, credential: credentialJson, ceremony: ceremony || "" }, generic);
}

// A sign-in ceremony: what `navigator.credentials.get` takes, and the ceremony's name.
async function signInOptions(start, next, generic) {
  const options = JSON.parse(await post(start, { next }, generic));
  return { publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options.publicKey), ceremony: options.ceremony };
}

export async function addPasskey(start, finish, name, generic) {
  const options = JSON.parse(await post(start, {}, generic));
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options.publicKey);
  const credential = await navigator.credentials.create({ publicKey });
  await answer(finish, credential, options.ceremony, generic, { name });
}

// The pending autofill request, if any: a browser holds one credential request at a time.
let autofill = null;

// Passkeys offered in the identifier field's autofill (conditional mediation), where the
// browser can: resolves with where to go once one is chosen, with null where it cannot, and
// rejects with an AbortError when the button takes over.
export async function passkeyAutofill(start, finish, next, generic) {
  const available = window.PublicKeyCredential
    && typeof PublicKeyCredential.isConditionalMediationAvailable === "function"
    && await PublicKeyCredential.isConditionalMediationAvailable().catch(() => false);
  if (!available || !passkeysSupported() || autofill) return null;
  const controller = new AbortController();
  const run = (async () => {
    let options;
    try {
      options = await signInOptions(start, next, generic);
    } catch {
      return null; // no autofill this time (a limit, the network): the button remains
    }
    const { publicKey, ceremony } = options;
    const credential = await navigator.credentials.get({ publicKey, mediation: "conditional", signal: controller.signal });
    return await answer(finish, credential, ceremony, generic);
  })();
  autofill = { controller, run };
  try {
    return await run;
  } finally {
    if (autofill && autofill.run === run) autofill = null;
  }
}

// Ends the autofill request and waits until the browser has let go of it.
async function stopAutofill() {
  if (!autofill) return;
  const { controller, run } = autofill;
  autofill = null;
  controller.abort();
  await run.catch(() => {});
}

export async function signInWithPasskey(start, finish, next, generic) {
  await stopAutofill();
  const { publicKey, ceremony } = await signInOptions(start, next, generic);
  const credential = await navigator.credentials.get({ publicKey });
  return await answer(finish, credential, ceremony, generic);
}
