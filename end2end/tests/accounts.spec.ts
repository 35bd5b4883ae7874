import { expect, test } from "@playwright/test";
import { PASSWORD, header, hydrated, hydrated as waitForHydration, mailedLink, signIn, signUp, signUpWithoutJavaScript, uniqueEmail, verifyEmail } from "./helpers";


test("two devices: the device list shows both and one signs the other out", async ({ browser }) => {
  const email = uniqueEmail("devices");
  const a = await (await browser.newContext()).newPage();
  await signUp(a, email);
  await expect(a).toHaveURL(/\/$/);
  await expect(header(a).getByRole("link", { name: email })).toHaveAttribute("href", "/account");
  await verifyEmail(a, email);

  const b = await (await browser.newContext()).newPage();
  await b.goto("/login");
  await waitForHydration(b);
  await signIn(b, email);
  await expect(b).toHaveURL(/\/$/);
  await expect(header(b).getByRole("link", { name: email })).toBeVisible();

  await a.goto("/account/security");
  const rows = a.locator("li.device");
  await expect(rows).toHaveCount(2);
  await expect(a.locator("li.device.current")).toHaveCount(1);
  await expect(a.locator("li.device.current")).toContainText("This device");
  await waitForHydration(a);
  await a.locator("li.device:not(.current)").getByRole("button", { name: "Sign out" }).click();
  await expect(rows).toHaveCount(1);

  await b.reload();
  await expect(header(b).getByRole("link", { name: "Sign in" })).toBeVisible();
  await b.goto("/account");
  await expect(b).toHaveURL(/\/login\?next=%2Faccount|\/login\?next=\/account/);
});

test("sign-up errors show inline and keep what was typed", async ({ page }) => {
  await signUp(page, "not-an-email");
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("not-an-email");

  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("weak"));
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too easy to guess")).toBeVisible();
});

test("an account page visit while signed out returns there after sign-in", async ({ browser }) => {
  const email = uniqueEmail("next");
  const setup = await (await browser.newContext()).newPage();
  await signUp(setup, email);
  await expect(setup).toHaveURL(/\/$/);
  await verifyEmail(setup, email);

  const page = await (await browser.newContext()).newPage();
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/login\?next=/);
  await waitForHydration(page);
  await signIn(page, email, "not the password at all");
  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("heading", { name: "Devices" })).toBeVisible();
});

test("changing the password signs out the other device", async ({ browser }) => {
  const email = uniqueEmail("change");
  const a = await (await browser.newContext()).newPage();
  await signUp(a, email);
  await expect(a).toHaveURL(/\/$/);
  await verifyEmail(a, email);
  const b = await (await browser.newContext()).newPage();
  await b.goto("/login");
  await signIn(b, email);
  await expect(b).toHaveURL(/\/$/);

  await a.goto("/account/security");
  await waitForHydration(a);
  const change = a.locator("section", { has: a.getByRole("heading", { name: "Change password" }) });
  await change.getByLabel("Current password").fill(PASSWORD);
  await change.getByLabel("New password").fill("a completely different passphrase");
  await a.getByRole("button", { name: "Change password" }).click();
  await expect(a.getByText("Password changed. Other devices have been signed out.")).toBeVisible();
  await expect(a.locator("li.device")).toHaveCount(1);

  await b.goto("/account");
  await expect(b).toHaveURL(/\/login/);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-up, sign-out, a failed and a good sign-in all work", async ({ page }) => {
    const email = uniqueEmail("nojs");
    await signUpWithoutJavaScript(page, email);
    await expect(header(page).getByRole("link", { name: email })).toBeVisible();

    await header(page).getByRole("button", { name: "Sign out" }).click();
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();

    await page.goto("/login");
    await signIn(page, email, "wrong password for sure");
    await expect(page.getByText("Incorrect email or password.")).toBeVisible();
    await expect(page.getByLabel("Email or username")).toHaveValue(email);

    await signIn(page, email);
    await expect(page).toHaveURL(/\/$/);
    await expect(header(page).getByRole("link", { name: email })).toBeVisible();
  });

  test("sign-up errors come back with the email kept", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Email", { exact: true }).fill("nojs-invalid");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("nojs-invalid");
  });
});

test("a new account verifies through the mailed link", async ({ page }) => {
  const email = uniqueEmail("verify");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/verify-email$/);
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.locator(".pending-email")).toHaveText(email);
  await verifyEmail(page, email);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
});

test("a forgotten password is reset through the mailed link and the old device is signed out", async ({ browser }) => {
  const email = uniqueEmail("forgot");
  const old = await (await browser.newContext()).newPage();
  await signUp(old, email);
  await expect(old).toHaveURL(/\/$/);
  await verifyEmail(old, email);

  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await hydrated(page);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account exists for that address, we've sent a link to reset the password.")).toBeVisible();

  await page.goto(await mailedLink(email, "Reset your password", "/reset-password"));
  await hydrated(page);
  const fresh = "a brand new passphrase for this test";
  await page.getByLabel("New password").fill(fresh);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await expect(page.getByText("Your password has been changed. Sign in with your new password.")).toBeVisible();
  await signIn(page, email, fresh);
  await expect(page).toHaveURL(/\/$/);
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();

  await old.reload();
  await expect(header(old).getByRole("link", { name: "Sign in" })).toBeVisible();
});
