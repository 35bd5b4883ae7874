import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, hydrated, mailedLink, signUp, uniqueEmail, verifyEmail } from "./helpers";

// The strength meter (ASVS 2.1.8) asks the server's own rule as the person types, so its word
// and the refusal on submit cannot disagree. Its words sit in a polite live region.

const meter = (page: Page) => page.locator(".strength-word");

async function typeAndSee(page: Page, label: string, weak: string, strong: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.pressSequentially("short");
  await expect(meter(page)).toHaveText("Strength: Too short");
  await expect(meter(page)).toHaveAttribute("aria-live", "polite");
  await field.fill("");
  await field.pressSequentially(weak);
  await expect(meter(page)).toHaveText("Strength: Weak");
  await field.fill("");
  await field.pressSequentially(strong);
  await expect(meter(page)).toHaveText(/Strength: (Fair|Strong)/);
}

test("the sign-up meter moves from weak to strong as the person types", async ({ page }) => {
  await page.goto("/signup");
  await hydrated(page);
  await expect(meter(page)).toBeHidden();
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("meter"));
  await typeAndSee(page, "Password", "password1234", "violet kettle orbit sandwich");

  // The meter follows the server: what it calls weak, the server refuses with its message.
  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too easy to guess")).toBeVisible();
});

test("the email the person typed counts against the password, as on the server", async ({ page }) => {
  // The same password, judged with an unrelated address and then with the one it is made of
  // (the pair the integration test checks against the server's refusal).
  for (const [email, word] of [["ada@example.com", "Strong"], ["qzxvbtrwplk@example.com", "Weak"]]) {
    await page.goto("/signup");
    await hydrated(page);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).pressSequentially("qzxvbtrwplkexample");
    await expect(meter(page)).toHaveText(`Strength: ${word}`);
  }
});

test("the change-password and reset forms have the meter too", async ({ page, browser }) => {
  const email = uniqueEmail("meter-change");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await verifyEmail(page, email);
  await page.goto("/account/security");
  await hydrated(page);
  const change = page.locator("section", { has: page.getByRole("heading", { name: "Change password" }) });
  await change.getByLabel("Current password").fill(PASSWORD);
  await typeAndSee(page, "New password", "password1234", "violet kettle orbit sandwich");

  const other = await (await browser.newContext()).newPage();
  await other.goto("/forgot-password");
  await hydrated(other);
  await other.getByLabel("Email", { exact: true }).fill(email);
  await other.getByRole("button", { name: "Send reset link" }).click();
  await expect(other.getByText("If an account exists for that address")).toBeVisible();
  await other.goto(await mailedLink(email, "Reset your password", "/reset-password"));
  await hydrated(other);
  await typeAndSee(other, "New password", "password1234", "violet kettle orbit sandwich");
});

test("without JavaScript there is no meter and the server's message says why", async ({ browser }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto("/signup");
  await expect(meter(page)).toBeHidden();
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("meter-nojs"));
  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too easy to guess")).toBeVisible();
});
