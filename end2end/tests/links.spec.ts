import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, hydrated, mailedLink, signUp, signUpWithoutJavaScript, uniqueEmail } from "./helpers";

/** Opening a mailed link spends nothing (mail scanners open links); its one button does. */
async function verifyWithTheButton(page: Page, email: string) {
  const link = await mailedLink(email, "Verify your email", "/verify-email");
  for (let i = 0; i < 2; i++) {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Verify your email" })).toBeVisible();
  }
  await page.goto("/account");
  await expect(page).toHaveURL(/\/verify-email$/);
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  await page.goto(link);
  await page.getByRole("button", { name: "Verify my email" }).click();
  await expect(page.getByRole("heading", { name: "Your email is verified." })).toBeVisible();
  await expect(page).toHaveURL(/\/verify-email$/);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link is invalid or has expired." })).toBeVisible();
}

async function changeEmailWithTheButton(page: Page, from: string) {
  const to = uniqueEmail("moved");
  await page.goto("/account/security");
  await page.getByLabel("New email").fill(to);
  await page.locator("#field-email_password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.locator(".form-success")).toContainText(to);

  const link = await mailedLink(to, "Confirm your new email", "/verify-email");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your new address" })).toBeVisible();
  await expect(page.locator(".pending-email")).toHaveText(to);
  await page.goto("/account");
  await expect(page.getByText(from).first()).toBeVisible();

  await page.goto(link);
  await page.getByRole("button", { name: "Confirm the new address" }).click();
  await expect(page.getByRole("heading", { name: "Your new address is confirmed." })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText(to).first()).toBeVisible();
}

test("links are spent by their button, not by opening them", async ({ page }) => {
  const email = uniqueEmail("button");
  await signUp(page, email);
  await verifyWithTheButton(page, email);
  await hydrated(page);
  await changeEmailWithTheButton(page, email);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the one-button pages are plain form posts", async ({ page }) => {
    const email = uniqueEmail("button-nojs");
    await signUpWithoutJavaScript(page, email);
    await verifyWithTheButton(page, email);
    await changeEmailWithTheButton(page, email);
  });
});
