import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, header, hydrated, mailedLink, signUp, uniqueEmail, verifyEmail } from "./helpers";

/** Chromium's virtual authenticator: a platform passkey with user verification. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/**
 * A person who has not picked from the autofill: the page's conditional request stays pending
 * until it is aborted (the virtual authenticator would answer it at once), and the abort is
 * noted in sessionStorage, which survives the navigation that follows.
 */
async function autofillNeverPicked(page: Page) {
  await page.addInitScript(() => {
    const credentials = navigator.credentials;
    const get = credentials.get.bind(credentials);
    credentials.get = (options?: CredentialRequestOptions) => {
      if (options?.mediation !== "conditional") return get(options);
      sessionStorage.setItem("autofill", "pending");
      return new Promise((_, reject) => {
        options.signal?.addEventListener("abort", () => {
          sessionStorage.setItem("autofill", "aborted");
          reject(new DOMException("The request was aborted.", "AbortError"));
        });
      });
    };
  });
}

test("add a passkey, sign in with it through either instance, remove it", async ({ page }) => {
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await autofillNeverPicked(page);
  const email = uniqueEmail("passkey");
  await signUp(page, email, PASSWORD);
  await verifyEmail(page, email);

  await page.goto("/account/security");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Passkeys" }) });
  await expect(section.getByText("No passkeys yet.")).toBeVisible();
  await section.getByLabel("Passkey name").fill("Test laptop");
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.locator(".passkey-name")).toHaveText("Test laptop");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);
  // The same authenticator again: the browser refuses, and the island says so in the page's
  // words, which the server left on it.
  await section.getByLabel("Passkey name").fill("Test laptop again");
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.getByRole("alert")).toHaveText("This device already has a passkey for your account.");

  // Each request of the ceremony goes to the next instance behind the proxy.
  for (let round = 0; round < 2; round++) {
    await header(page).getByRole("button", { name: "Sign out" }).click();
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/login?next=/account/security");
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem("autofill"))).toBe("pending");
    // The button ends the pending autofill request first: a browser holds one at a time.
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/security");
    await expect(header(page).getByRole("link", { name: email })).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem("autofill"))).toBe("aborted");
  }
  await expect(page.locator(".device.current .device-method")).toHaveText("Passkey");
  await expect(section.locator(".passkey-row dd").nth(1)).not.toHaveText("never");

  await section.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(section.getByText("No passkeys yet.")).toBeVisible();
});

test("a passkey offered in the email field's autofill signs in without the button", async ({ page }) => {
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  const email = uniqueEmail("autofill");
  await signUp(page, email, PASSWORD);
  await verifyEmail(page, email);
  await page.goto("/account/security");
  await page.getByLabel("Passkey name").fill("Autofill laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.locator(".passkey-name")).toHaveText("Autofill laptop");
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();

  // Once hydrated, the page asks for passkeys in the field's autofill (a conditional
  // request). Chromium's virtual authenticator answers it at once, as if the person had picked
  // the passkey from the list: nothing is clicked here.
  await page.goto("/login?next=/account/security");
  await expect(page).toHaveURL((url) => url.pathname === "/account/security");
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();
  await expect(page.locator(".device.current .device-method")).toHaveText("Passkey");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials[0].signCount).toBeGreaterThan(0);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("passkey buttons are hidden and the rest of sign-in works", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeHidden();
    // The field still names passkeys for autofill: harmless where no script asks for them.
    await expect(page.getByLabel("Email or username")).toHaveAttribute("autocomplete", "username webauthn");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  });
});

test("a passkey cannot be planted on an unproven address, and the owner's reset signs the squatter out", async ({ browser }) => {
  const owner = uniqueEmail("squatted");
  // Someone signs up with the owner's address and tries to plant a passkey before it is proven:
  // the security page (where passkeys are added) sends an unproven address to verify it first
  // (the server refuses the passkey itself too: hardening/planted.rs).
  const squatter = await (await browser.newContext()).newPage();
  const { cdp, authenticatorId } = await virtualAuthenticator(squatter);
  await signUp(squatter, owner, PASSWORD);
  await expect(squatter).toHaveURL(/\/$/);
  await squatter.goto("/account/security");
  await expect(squatter).toHaveURL((url) => url.pathname === "/verify-email");
  await expect(squatter.getByRole("button", { name: "Add a passkey" })).toHaveCount(0);
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(0);

  // The owner claims the address through "Forgot password?".
  const page = await (await browser.newContext()).newPage();
  await page.goto("/forgot-password");
  await hydrated(page);
  await page.getByLabel("Email", { exact: true }).fill(owner);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account exists for that address, we've sent a link to reset the password.")).toBeVisible();
  await page.goto(await mailedLink(owner, "Reset your password", "/reset-password"));
  await hydrated(page);
  await page.getByLabel("New password").fill("the real owner's passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password has been changed. Sign in with your new password.")).toBeVisible();

  // The squatter is out, with nothing to come back in with.
  await squatter.reload();
  await expect(header(squatter).getByRole("link", { name: "Sign in" })).toBeVisible();
  await squatter.goto("/account/security");
  await expect(squatter).toHaveURL((url) => url.pathname === "/login");
});

test("a passkey confirms it's you, and the page carries on", async ({ page }) => {
  await virtualAuthenticator(page);
  await autofillNeverPicked(page);
  const email = uniqueEmail("pkconfirm");
  await signUp(page, email, PASSWORD);
  await verifyEmail(page, email);
  await page.goto("/account/security");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Passkeys" }) });
  await section.getByLabel("Passkey name").fill("Confirming key");
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.locator(".passkey-name")).toHaveText("Confirming key");

  await page.goto("/account/confirm?next=%2Faccount%2Fsecurity");
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Confirm your password to continue" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm with a passkey" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("heading", { name: "Passkeys" })).toBeVisible();
});
