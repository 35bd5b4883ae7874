import { expect, test, type Page } from "@playwright/test";
import { header, hydrated, signUp, uniqueEmail, verifyEmail } from "./helpers";

// Providers as data: GitHub (a GitHub-shaped fake), "Acme SSO" (a second oidc-provider, a
// generic OpenID Connect provider authoritative for acme.test) and Google (the first
// oidc-provider), all started by scripts/test.sh.
const GITHUB = process.env.GITHUB_URL;
const OIDC = process.env.OIDC_ISSUER;
const OIDC2 = process.env.OIDC2_ISSUER;

async function put(url: string | undefined, body: Record<string, unknown>) {
  if (!url) throw new Error("run the browser tests through scripts/test.sh");
  const res = await fetch(url, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.ok).toBeTruthy();
}

/** On an oidc-provider's sign-in page: signs in as `login`. */
async function atOidcProvider(page: Page, login: string) {
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function atGitHub(page: Page, login: string) {
  await expect(page.getByRole("heading", { name: "Sign in to GitHub" })).toBeVisible();
  await page.getByLabel("Username").fill(login);
  await page.getByRole("button", { name: "Authorize" }).click();
}

async function signOut(page: Page) {
  await hydrated(page);
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("sign in with GitHub, then connect Google to the same account", async ({ page }) => {
  const login = `octo-${Date.now()}`;
  const email = uniqueEmail("github");
  await put(`${GITHUB}/__test/users/${login}`, {
    name: "Octo Cat",
    emails: [{ email, primary: true, verified: true }],
  });
  await page.goto("/login");
  const buttons = page.locator(".alt-sign-in a");
  await expect(buttons).toHaveText(["Continue with Google", "Continue with GitHub", "Continue with Acme SSO"]);
  await page.getByRole("link", { name: "Continue with GitHub" }).click();
  await atGitHub(page, login);
  await expect(page).toHaveURL(/\/$/);
  await expect(header(page).getByRole("link", { name: "Octo Cat" })).toBeVisible();

  await page.goto("/account/security");
  await expect(page.locator(".device.current .device-method")).toHaveText("GitHub");
  const connected = page.locator("#connected-accounts");
  await expect(connected.locator('[data-provider="github"]')).toContainText(email);

  const googleLogin = `second-${Date.now()}`;
  const googleEmail = uniqueEmail("second-google");
  await put(`${OIDC}/__test/users/${googleLogin}`, { email: googleEmail, email_verified: true });
  await connected.locator('[data-provider="google"]').getByRole("button", { name: "Connect" }).click();
  await atOidcProvider(page, googleLogin);
  await expect(page).toHaveURL(/\/account\/security\?google=connected$/);
  await expect(connected.getByText("Google is now connected.")).toBeVisible();
  await expect(connected.locator('[data-provider="google"]')).toContainText(googleEmail);
  await expect(connected.locator('[data-provider="github"]')).toContainText(email);

  // Either provider now signs in to this one account.
  await signOut(page);
  await page.goto("/login");
  await page.getByRole("link", { name: "Continue with Google" }).click();
  await atOidcProvider(page, googleLogin);
  await expect(header(page).getByRole("link", { name: "Octo Cat" })).toBeVisible();
});

test("GitHub never links to an existing account by its address", async ({ page }) => {
  const email = uniqueEmail("github-taken");
  await signUp(page, email);
  await verifyEmail(page, email);
  await signOut(page);

  const login = `mallory-${Date.now()}`;
  await put(`${GITHUB}/__test/users/${login}`, { emails: [{ email, primary: true, verified: true }] });
  await page.goto("/login");
  await page.getByRole("link", { name: "Continue with GitHub" }).click();
  await atGitHub(page, login);
  await expect(
    page.getByText("An account with this email exists. Sign in with your password to connect GitHub."),
  ).toBeVisible();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a generic OpenID Connect provider signs up and back in", async ({ page }) => {
  const login = `acme-${Date.now()}`;
  const email = `${login}@acme.test`;
  await put(`${OIDC2}/__test/users/${login}`, { email, email_verified: true, name: "Ada Acme" });
  await page.goto("/signup");
  await page.getByRole("link", { name: "Continue with Acme SSO" }).click();
  await atOidcProvider(page, login);
  await expect(header(page).getByRole("link", { name: "Ada Acme" })).toBeVisible();
  await page.goto("/account/security");
  await expect(page.locator(".device.current .device-method")).toHaveText("Acme SSO");
  await expect(page.locator('#connected-accounts [data-provider="acme"]')).toContainText(email);

  await signOut(page);
  await page.goto("/login");
  await page.getByRole("link", { name: "Continue with Acme SSO" }).click();
  await atOidcProvider(page, login);
  await expect(header(page).getByRole("link", { name: "Ada Acme" })).toBeVisible();
});
