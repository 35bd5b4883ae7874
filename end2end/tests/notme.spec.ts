import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, hydrated, mailedLink, signIn, signUp, signUpWithoutJavaScript, uniqueEmail, verifyEmail } from "./helpers";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
const BUTTON = "Sign out everywhere and reset my password";

/** Signs in from another kind of browser: the owner gets a "New sign-in" notice. */
async function signInFromFirefox(browser: Browser, email: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ userAgent: FIREFOX, javaScriptEnabled });
  const firefox = await context.newPage();
  await firefox.goto("/login");
  if (javaScriptEnabled) await hydrated(firefox);
  await signIn(firefox, email, PASSWORD);
  await expect(firefox).not.toHaveURL(/\/login/);
  return firefox;
}

/** "This wasn't me" from the notice: opening it changes nothing, its button signs out everywhere. */
async function thisWasntMe(page: Page, firefox: Page, email: string) {
  const link = await mailedLink(email, "New sign-in to Accounts E2E", "/not-me");
  for (let i = 0; i < 2; i++) {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This wasn't me" })).toBeVisible();
    await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
  }
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);

  await page.goto(link);
  await page.getByRole("button", { name: BUTTON }).click();
  await expect(page.getByRole("heading", { name: "Every device is signed out" })).toBeVisible();
  await expect(page).toHaveURL(/\/not-me$/);

  // Signed out here and on the device the notice named.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  await firefox.goto("/account");
  await expect(firefox).toHaveURL(/\/login/);

  // A reset link arrives; the used link is spent.
  const reset = await mailedLink(email, "Reset your password", "/reset-password");
  await page.goto(reset);
  await expect(page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link is invalid or has expired." })).toBeVisible();
}

test("\"This wasn't me\" in a new-sign-in notice signs out every device and mails a reset link", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("notme");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await verifyEmail(page, email);
  const firefox = await signInFromFirefox(browser, email, true);
  await thisWasntMe(page, firefox, email);
  await firefox.context().close();
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("\"This wasn't me\" is a plain form post", async ({ page, browser }) => {
    const email = uniqueEmail("notme-nojs");
    await signUpWithoutJavaScript(page, email);
    await verifyEmail(page, email);
    const firefox = await signInFromFirefox(browser, email, false);
    await thisWasntMe(page, firefox, email);
    await firefox.context().close();
  });
});
