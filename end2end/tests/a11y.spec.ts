import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, header, hydrated, mailedLink, signIn, signUp, totp, uniqueEmail, verifyEmail } from "./helpers";

// axe-core on every page, in both themes: no WCAG 2.1 A/AA violation.
const THEMES = ["light", "dark"] as const;

async function checkPage(page: Page, what: string) {
  for (const theme of THEMES) {
    await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const found = result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
    expect(found, `${what} in the ${theme} theme`).toEqual([]);
  }
}

// Each page is analysed twice (both themes), about a second each in a debug build.
test("signed-out pages and their error states", async ({ page }) => {
  test.slow();
  for (const path of [
    "/",
    "/signup",
    "/login",
    "/forgot-password",
    "/login/code",
    "/signup/code",
    "/login/code/confirm?token=not-a-token",
    "/reset-password?token=not-a-token",
    "/verify-email?token=not-a-token",
    "/auth/google/callback",
    "/no/such/page",
  ]) {
    await page.goto(path);
    await checkPage(page, path);
  }
  // Errors shown by a form.
  await page.goto("/login");
  await hydrated(page);
  await signIn(page, uniqueEmail("nobody"), "wrong password here");
  await expect(page.locator(".form-error, [role=alert]").first()).toBeVisible();
  await checkPage(page, "/login with an error");
  await page.goto("/signup");
  await hydrated(page);
  await page.getByLabel("Email", { exact: true }).fill("not an email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator(".field-error, .form-error, [role=alert]").first()).toBeVisible();
  await checkPage(page, "/signup with errors");
});

test("signed-in pages", async ({ page }) => {
  test.slow();
  const email = uniqueEmail("a11y");
  await signUp(page, email);
  await expect(header(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await checkPage(page, "/account before the address is verified");
  await verifyEmail(page, email);
  await checkPage(page, "email verified");
  const username = `a11y${Date.now() % 1e9}`;
  await page.goto("/account");
  await page.getByLabel("Username").fill(username);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Username")).toHaveValue(username);

  for (const path of ["/", "/account", "/account/security", "/account/two-step", "/account/confirm?next=%2Faccount", `/u/${username}`]) {
    await page.goto(path);
    await checkPage(page, path);
  }

  // Two-step: the recovery codes, then the code step of the next sign-in.
  await page.goto("/account/two-step");
  const key = (await page.locator(".two-step-secret").textContent()) ?? "";
  await page.getByLabel("Code").fill(totp(key));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  await checkPage(page, "recovery codes");
  await page.getByRole("button", { name: "I saved my codes" }).click();
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/login");
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await checkPage(page, "/login/verify");
});

test("the email code pages", async ({ browser }) => {
  const email = uniqueEmail("a11y-code");
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signup/code");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText("Enter the code from the email")).toBeVisible();
  await checkPage(page, "/signup/code asking for the code");
  const link = await mailedLink(email, "Your sign-in code for", "/login/code/confirm");
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Sign in on this device" })).toBeVisible();
  await checkPage(page, "the code link in the browser that asked");
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Your sign-in code" })).toBeVisible();
  await checkPage(other, "the code link in another browser");
});

test("the admin console's refusal pages", async ({ page }) => {
  // A member sees "Page not found" (the console's pages for admins are checked in admin.spec.ts).
  await signUp(page, uniqueEmail("a11y-member"));
  await expect(header(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/admin/users");
  await checkPage(page, "/admin/users for a member");
});

test("the deletion grace page", async ({ page }) => {
  const email = uniqueEmail("a11y-grace");
  await signUp(page, email);
  await verifyEmail(page, email);
  await page.goto("/account/security");
  const danger = page.locator("section", { has: page.getByRole("heading", { name: "Delete account" }) });
  await danger.getByLabel("Current password").fill(PASSWORD);
  await danger.getByRole("button", { name: "Delete account" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await checkPage(page, "home after deletion was asked for");
  await page.goto("/login");
  await signIn(page, email, PASSWORD);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account is being deleted" })).toBeVisible();
  await checkPage(page, "/account/deletion");
});
