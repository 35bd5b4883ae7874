import { expect, test } from "@playwright/test";
import { PASSWORD, hydrated, mailTo, signIn, signUp, uniqueEmail, verifyEmail } from "./helpers";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";

test("a sign-in from a new device is mailed and listed under Recent activity", async ({ page, browser }) => {
  const email = uniqueEmail("activity");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await verifyEmail(page, email);

  // A second browser, another kind of device: the owner is told, and sees it listed.
  const other = await browser.newContext({ userAgent: FIREFOX });
  const firefox = await other.newPage();
  await firefox.goto("/login");
  await hydrated(firefox);
  await signIn(firefox, email, "not the password at all");
  await expect(firefox.getByText("Incorrect email or password.")).toBeVisible();
  await signIn(firefox, email, PASSWORD);
  await expect(firefox).not.toHaveURL(/\/login/);
  await other.close();

  const notice = await mailTo(email, "New sign-in to Accounts E2E");
  expect(notice.text).toContain("Firefox on Linux");
  expect(notice.text).toContain("/account/security");
  expect(notice.html).toContain("Firefox on Linux");

  await page.goto("/account/security");
  const activity = page.locator("#recent-activity");
  await expect(activity.getByRole("heading", { name: "Recent activity" })).toBeVisible();
  const items = activity.locator("li");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toHaveText(/^Signed in · Firefox on Linux · \S+ · just now$/);
  await expect(items.nth(1)).toHaveText(/^Failed sign-in attempt · Firefox on Linux/);
  await expect(items.nth(2)).toHaveText(/^Account created · /);
});

test("the confirm-password page asks for the password and carries on", async ({ page }) => {
  const email = uniqueEmail("confirm");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await verifyEmail(page, email);

  await page.goto("/account/confirm?next=/account/security");
  await expect(page.getByRole("heading", { name: "Confirm your password to continue" })).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Password", { exact: true }).fill("not the password at all");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Your current password is incorrect")).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
});
