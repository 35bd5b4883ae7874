import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, header, hydrated, signIn, signUp, uniqueEmail, verifyEmail } from "./helpers";

// A real OpenID Connect provider (npm oidc-provider) plays Google; scripts/test.sh starts it
// and passes its address. Its control API sets the claims each login signs in with.
const OIDC = process.env.OIDC_ISSUER;

async function googleUser(login: string, claims: Record<string, unknown>) {
  if (!OIDC) throw new Error("OIDC_ISSUER is not set: run the tests through scripts/test.sh");
  const res = await fetch(`${OIDC}/__test/users/${encodeURIComponent(login)}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(claims),
  });
  expect(res.ok).toBeTruthy();
}

/** On the provider's sign-in page: signs in as `login`. */
async function atProvider(page: Page, login: string) {
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function continueWithGoogle(page: Page, from = "/login") {
  await page.goto(from);
  await page.getByRole("link", { name: "Continue with Google" }).click();
  await expect(page.getByPlaceholder("Enter any login")).toBeVisible();
}

async function signOut(page: Page) {
  await hydrated(page);
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("a new account through Google, and the same account on the next sign-in", async ({ page }) => {
  const login = `grace-${Date.now()}`;
  const email = uniqueEmail("google-new");
  await googleUser(login, { email, email_verified: true, name: "Grace Hopper" });

  await continueWithGoogle(page);
  await atProvider(page, login);
  await expect(page).toHaveURL(/\/$/);
  await expect(header(page).getByRole("link", { name: "Grace Hopper" })).toBeVisible();

  await signOut(page);
  await continueWithGoogle(page, "/signup");
  await atProvider(page, login);
  await expect(header(page).getByRole("link", { name: "Grace Hopper" })).toBeVisible();

  await page.goto("/account/security");
  const connected = page.locator("#connected-accounts");
  await expect(connected).toContainText(email);
  await expect(page.getByText("Your account has no password yet")).toBeVisible();
  await hydrated(page);
  await connected.locator('[data-provider="google"]').getByRole("button", { name: "Disconnect" }).click();
  await expect(connected.getByText("Set a password before disconnecting Google.")).toBeVisible();
  await expect(connected).toContainText(email);
});

test("Google links to an existing account whose address is verified", async ({ page }) => {
  // Google is authoritative for gmail.com addresses; for others it links nothing (tests/hardening).
  const email = uniqueEmail("google-link").replace("@example.com", "@gmail.com");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await verifyEmail(page, email);
  await page.goto("/");
  await signOut(page);

  const login = `linked-${Date.now()}`;
  await googleUser(login, { email, email_verified: true, name: "Someone Else" });
  await continueWithGoogle(page, "/login?next=/account/security");
  await atProvider(page, login);
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.locator("#connected-accounts")).toContainText(email);
  // The existing account, not a new one: its label is still its address.
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();
});

test("Google never signs into an account whose address is unverified", async ({ page }) => {
  const email = uniqueEmail("google-unverified");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await signOut(page);

  const login = `claimant-${Date.now()}`;
  await googleUser(login, { email, email_verified: true });
  await continueWithGoogle(page);
  await atProvider(page, login);
  await expect(
    page.getByText("An account with this email exists. Sign in with your password to connect Google."),
  ).toBeVisible();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("cancelling at Google comes back to sign-in with a message", async ({ page }) => {
  await continueWithGoogle(page);
  await page.getByRole("link", { name: "[ Cancel ]" }).click();
  await expect(page).toHaveURL(/\/login\?google=cancelled$/);
  await expect(page.getByText("Google sign-in was cancelled.")).toBeVisible();
  await expect(page.getByLabel("Email or username")).toBeVisible();
});

test("connect and disconnect Google from the security page", async ({ page }) => {
  const email = uniqueEmail("google-connect");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await verifyEmail(page, email);

  const login = `connect-${Date.now()}`;
  const googleEmail = uniqueEmail("gmail");
  await googleUser(login, { email: googleEmail, email_verified: true });
  await page.goto("/account/security");
  const connected = page.locator("#connected-accounts");
  await connected.locator('[data-provider="google"]').getByRole("button", { name: "Connect" }).click();
  await atProvider(page, login);
  await expect(page).toHaveURL(/\/account\/security\?google=connected$/);
  await expect(connected.getByText("Google is now connected.")).toBeVisible();
  await expect(connected).toContainText(googleEmail);

  await hydrated(page);
  await connected.locator('[data-provider="google"]').getByRole("button", { name: "Disconnect" }).click();
  await expect(connected.getByText("Google has been disconnected.")).toBeVisible();
  await expect(connected.locator('[data-provider="google"]').getByRole("button", { name: "Connect" })).toBeVisible();

  // The password still works, and Google no longer reaches this account.
  await signOut(page);
  await page.goto("/login");
  await hydrated(page);
  await signIn(page, email, PASSWORD);
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Continue with Google signs in", async ({ page }) => {
    const login = `nojs-${Date.now()}`;
    await googleUser(login, { email: uniqueEmail("google-nojs"), email_verified: true, name: "Ada NoJS" });
    await continueWithGoogle(page);
    await atProvider(page, login);
    await expect(page).toHaveURL(/\/$/);
    await expect(header(page).getByRole("link", { name: "Ada NoJS" })).toBeVisible();
  });
});
