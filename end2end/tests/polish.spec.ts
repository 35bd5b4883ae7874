import { expect, test } from "@playwright/test";
import { PASSWORD, header, signIn, signUp, uniqueEmail, verifyEmail } from "./helpers";

test("signed in, the home page greets the person and leads to their account", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("main").getByRole("link", { name: "Create account" })).toBeVisible();
  const email = uniqueEmail("home");
  await signUp(page, email, PASSWORD);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome back, ${email}`);
  await expect(page.getByRole("main").getByRole("link", { name: "Create account" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: "Account", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Security and devices" })).toBeVisible();
});

test("destructive actions look destructive and this device is listed first", async ({ browser }) => {
  const email = uniqueEmail("danger");
  const first = await browser.newPage();
  await signUp(first, email, PASSWORD);
  await verifyEmail(first, email);
  const second = await browser.newPage();
  await second.goto("/login");
  await signIn(second, email);
  await expect(header(second).getByRole("link", { name: email })).toBeVisible();

  // The first device was active last, but the second lists itself first.
  await first.goto("/account/security");
  await second.goto("/account/security");
  await expect(second.locator("li.device").first()).toHaveClass(/current/);
  for (const name of ["Sign out everywhere", "Delete account", "Disconnect"]) {
    const button = second.getByRole("button", { name, exact: true });
    if ((await button.count()) > 0) await expect(button).toHaveClass(/danger/);
  }
  await expect(second.getByRole("button", { name: "Delete account" })).toHaveCSS("background-color", "rgb(179, 38, 30)");
});

test("a deleted-account notice cannot be put on the page by a link", async ({ page }) => {
  await page.goto("/?deleted=1");
  await expect(page.getByText("Your account has been deleted.")).toHaveCount(0);
});

test.describe("reduced motion", () => {
  test.use({ reducedMotion: "reduce" });

  test("the busy spinner does not spin", async ({ page }) => {
    await page.goto("/login");
    const spinner = page.locator(".spinner").first();
    await expect(spinner).toHaveCSS("animation-name", "none");
  });
});

test("until the address is verified every page says so, and resending keeps its limits", async ({ page }) => {
  const email = uniqueEmail("banner");
  await signUp(page, email, PASSWORD);
  await page.goto("/");
  const banner = page.locator(".banner");
  await expect(banner).toContainText(`Check your inbox: we sent a link to ${email}.`);
  await banner.getByRole("button", { name: "Resend" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator(".banner")).toContainText("We just sent one. You can ask for another email in a minute.");
  await verifyEmail(page, email);
  await page.goto("/");
  await expect(page.locator(".banner")).toHaveCount(0);
});

test("a password can be shown and hidden again", async ({ page }) => {
  await page.goto("/login");
  const password = page.getByLabel("Password", { exact: true });
  await password.fill("secret words here");
  await page.getByRole("button", { name: "Show password" }).click();
  await expect(password).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "Hide password" }).click();
  await expect(password).toHaveAttribute("type", "password");
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("password fields stay plain and offer no toggle", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Show password" })).toBeHidden();
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "password");
  });
});

test("every page has one h1 and a title that names it", async ({ page }) => {
  const email = uniqueEmail("titles");
  await signUp(page, email, PASSWORD);
  await verifyEmail(page, email);
  for (const [path, title] of [
    ["/", "Home"],
    ["/account", "Account"],
    ["/account/security", "Security"],
    ["/account/two-step", "Two-step verification"],
    ["/no-such-page", "Page not found"],
  ]) {
    await page.goto(path);
    await expect(page).toHaveTitle(new RegExp(`^${title} · `));
    await expect(page.locator("h1")).toHaveCount(1);
  }
});
