import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, header, signIn, signUp, signUpWithoutJavaScript, totp, uniqueEmail, verifyEmail } from "./helpers";

/** Turns two-step on from the security page; returns the key and the recovery codes. */
async function turnOn(page: Page): Promise<{ key: string; codes: string[]; first: string }> {
  await page.goto("/account/security");
  await page.getByRole("link", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("heading", { name: "Set up two-step verification" })).toBeVisible();
  await expect(page.locator(".qr svg")).toBeVisible();
  const key = (await page.locator(".two-step-secret").textContent()) ?? "";

  await page.getByLabel("Code").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();

  const first = totp(key);
  await page.getByLabel("Code").fill(first);
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const codes = await page.locator(".recovery-codes code").allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: "I saved my codes" }).click();
  await expect(page.getByRole("heading", { name: "Two-step verification is on" })).toBeVisible();
  await expect(page.getByText("10 recovery codes left.")).toBeVisible();
  return { key, codes, first };
}

async function signOutAndIn(page: Page, email: string) {
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/login");
  await signIn(page, email);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
}

async function walkThrough(page: Page, email: string) {
  const { key, codes, first } = await turnOn(page);

  // The password alone stops at the code step; a replayed code is refused, a fresh one works.
  await signOutAndIn(page, email);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/login/verify");
  await expect(page.getByText("Enter the 6-digit code from your authenticator app")).toBeVisible();
  await page.getByLabel("Code").fill(first);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await page.getByLabel("Code").fill(totp(key, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();
  await page.goto("/account/security");
  await expect(page.locator(".device.current .device-method")).toHaveText("Password and authenticator code");

  // A recovery code works once.
  await signOutAndIn(page, email);
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();
  await signOutAndIn(page, email);
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That recovery code is not right, or it was already used.")).toBeVisible();
  await page.getByLabel("Recovery code").fill(codes[1]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();
  await page.goto("/account/two-step");
  await expect(page.getByText("8 recovery codes left.")).toBeVisible();
}

// Five sign-ins through argon2 in a debug build: about 20 s alone, more on a loaded machine.
test("two-step verification: set up, a code, a replay, recovery codes", async ({ page }) => {
  test.slow();
  const email = uniqueEmail("two-step");
  await signUp(page, email, PASSWORD);
  await verifyEmail(page, email);
  await walkThrough(page, email);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("two-step set-up and sign-in are plain form posts", async ({ page }) => {
    test.slow();
    const email = uniqueEmail("two-step-nojs");
    await signUpWithoutJavaScript(page, email);
    await verifyEmail(page, email);
    await walkThrough(page, email);
  });
});

// A lost phone: with a recent sign-in and one recovery code, a new authenticator app replaces
// the old one, whose codes stop working at once.
test("a lost authenticator is replaced with a recovery code", async ({ page }) => {
  test.slow();
  const email = uniqueEmail("two-step-lost");
  await signUp(page, email, PASSWORD);
  await verifyEmail(page, email);
  const { key: oldKey, codes } = await turnOn(page);

  await page.goto("/account/two-step");
  await page.getByRole("link", { name: "Set up a new authenticator app" }).click();
  await expect(page.getByRole("heading", { name: "Set up a new authenticator app" })).toBeVisible();
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await expect(page.locator(".qr svg")).toBeVisible();
  const newKey = (await page.locator(".two-step-secret").textContent()) ?? "";
  expect(newKey).not.toEqual(oldKey);
  await page.getByLabel("Code from the new app").fill(totp(newKey));
  await page.getByLabel("Recovery code").fill(codes[0]);
  await page.getByRole("button", { name: "Use the new app" }).click();
  await expect(page.getByText("Your new authenticator app is set up; the old one no longer works.")).toBeVisible();
  await expect(page.getByText("9 recovery codes left.")).toBeVisible();

  // The old app's codes no longer sign in; the new app's do.
  await signOutAndIn(page, email);
  await page.getByLabel("Code").fill(totp(oldKey, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await page.getByLabel("Code").fill(totp(newKey, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();
});
