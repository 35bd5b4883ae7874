import { expect, test, type Page } from "@playwright/test";
import { header, hydrated, mailTo, uniqueEmail } from "./helpers";

// Signing in and up with a code by mail, through the two-instance proxy: the code typed in the
// browser that asked, the mail's link pressed in that browser, the link opened elsewhere.

const SUBJECT = "Your sign-in code for";

/** The code and link of the latest code mail to `to`, once there are `count` of them. */
async function codeMail(to: string, count = 1): Promise<{ code: string; link: string }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await fetch(`${process.env.MAIL_API}/email?to.address=${encodeURIComponent(to)}`);
    const mails: Array<{ subject: string; text: string }> = res.ok ? await res.json() : [];
    const codes = mails.filter((m) => m.subject.startsWith(SUBJECT));
    if (codes.length >= count) {
      const text = codes[codes.length - 1].text;
      const code = text.match(/Your sign-in code is ([0-9A-Z]{4}-[0-9A-Z]{4})/)?.[1];
      const link = text.match(/https?:\/\/\S+\/login\/code\/confirm\?token=\S+/)?.[0];
      expect(code && link, text).toBeTruthy();
      return { code: code!, link: link! };
    }
    if (Date.now() > deadline) throw new Error(`${codes.length} code mails to ${to}, not ${count}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function askForCode(page: Page, email: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText("Enter the code from the email")).toBeVisible();
}

async function signOut(page: Page) {
  await hydrated(page);
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("sign up without a password, sign out, sign in with a typed code", async ({ page }) => {
  const email = uniqueEmail("code-signup");
  await page.goto("/signup");
  await page.getByRole("link", { name: "Create account without a password" }).click();
  await expect(page).toHaveURL(/\/signup\/code$/);
  await askForCode(page, email);
  await expect(page.getByRole("status")).toHaveText("We've sent a code to that address.");
  const first = await codeMail(email);
  await page.getByLabel("Code").fill(first.code.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();
  await page.goto("/account/security");
  await expect(page.locator(".device.current .device-method")).toHaveText("Email code");
  await expect(page.getByText("Your account has no password yet")).toBeVisible();

  await signOut(page);
  await page.goto("/login");
  await page.getByRole("link", { name: "Email me a sign-in code" }).click();
  await askForCode(page, email);
  await expect(page.getByRole("status")).toHaveText("If an account exists for that address, we've sent a code to it.");
  const second = await codeMail(email, 2);
  await page.getByLabel("Code").fill("0000-0000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is not right. Check the email and try again.")).toBeVisible();
  await page.getByLabel("Code").fill(second.code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();
});

test("the link signs in the browser that asked; another browser is shown the code", async ({ browser }) => {
  const email = uniqueEmail("code-link");
  const asking = await (await browser.newContext()).newPage();
  await asking.goto("/signup/code");
  await askForCode(asking, email);
  const { code, link } = await codeMail(email);

  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Your sign-in code" })).toBeVisible();
  await expect(other.locator(".sign-in-code")).toHaveText(code);
  await expect(other.getByRole("button")).not.toContainText(["Sign in on this device"]);
  await other.reload();
  await expect(header(other).getByRole("link", { name: "Sign in" })).toBeVisible();

  await asking.goto(link);
  await asking.getByRole("button", { name: "Sign in on this device" }).click();
  await expect(header(asking).getByRole("link", { name: email })).toBeVisible();
  // Spent: the link now signs in nobody, here or there.
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "This code has expired or was already used." })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign up and sign in with codes as plain forms", async ({ page }) => {
    const email = uniqueEmail("code-nojs");
    await page.goto("/signup/code");
    await askForCode(page, email);
    await page.getByLabel("Code").fill((await codeMail(email)).code);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(header(page).getByRole("link", { name: email })).toBeVisible();

    await header(page).getByRole("button", { name: "Sign out" }).click();
    await page.goto("/login/code");
    await page.getByLabel("Email", { exact: true }).fill("not an address");
    await page.getByRole("button", { name: "Send code" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("not an address");
    await askForCode(page, email);
    await page.getByLabel("Code").fill((await codeMail(email, 2)).code);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(header(page).getByRole("link", { name: email })).toBeVisible();
  });
});
