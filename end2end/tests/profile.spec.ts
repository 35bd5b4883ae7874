import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, header, hydrated, mailTo, signUp as baseSignUp, signUpWithoutJavaScript, verifyEmail } from "./helpers";

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", name);

function unique(tag: string): string {
  return `${tag}${Date.now()}${Math.floor(Math.random() * 1e6)}`;
}

/** Signs up and verifies the address through the mailed link. */
async function signUp(page: Page, email: string) {
  await baseSignUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await verifyEmail(page, email);
}

test("avatar and display name set on one device show on another after a reload", async ({ browser }) => {
  const email = `${unique("pic")}@example.com`;
  const a = await (await browser.newContext()).newPage();
  await signUp(a, email);
  const b = await (await browser.newContext()).newPage();
  await b.goto("/login");
  await hydrated(b);
  await b.getByLabel("Email or username").fill(email);
  await b.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await b.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(header(b).getByRole("link", { name: email })).toBeVisible();
  await expect(header(b).getByRole("img", { name: "Avatar" })).toHaveCount(0);

  await a.goto("/account");
  await hydrated(a);
  await a.getByLabel("Avatar").setInputFiles(fixture("avatar.png"));
  await a.getByRole("button", { name: "Upload avatar" }).click();
  await expect(a.getByText("Avatar updated.")).toBeVisible();
  await expect(header(a).getByRole("img", { name: "Avatar" })).toBeVisible();
  const avatar = a.locator(".avatar-large img[alt=Avatar]");
  await expect(avatar).toBeVisible();
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);

  const name = `Ada ${unique("")}`;
  await a.getByLabel("Display name").fill(name);
  await a.getByLabel("Username").fill(unique("ada_"));
  await a.getByRole("button", { name: "Save" }).click();
  await expect(a.getByText("Saved.")).toBeVisible();

  await b.reload();
  await expect(header(b).getByRole("link", { name })).toBeVisible();
  const small = header(b).getByRole("img", { name: "Avatar" });
  await expect(small).toBeVisible();
  await expect.poll(() => small.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
});

test("a file that is not an image is refused with a message", async ({ page }) => {
  await signUp(page, `${unique("bad")}@example.com`);
  await page.goto("/account");
  await hydrated(page);
  await page.getByLabel("Avatar").setInputFiles(fixture("not-an-image.png"));
  await page.getByRole("button", { name: "Upload avatar" }).click();
  await expect(page.getByText("That file is not a JPEG, PNG or WebP image.")).toBeVisible();
  await expect(page.locator(".avatar-large img[alt=Avatar]")).toHaveCount(0);
});

test("a taken username is reported inline and the typed values stay", async ({ browser }) => {
  const username = unique("taken_");
  const firstEmail = `${unique("u1")}@example.com`;
  const first = await (await browser.newContext()).newPage();
  await signUp(first, firstEmail);
  await first.goto("/account");
  await hydrated(first);
  await first.getByLabel("Display name").fill("First");
  await first.getByLabel("Username").fill(username);
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.getByText("Saved.")).toBeVisible();

  const second = await (await browser.newContext()).newPage();
  await signUp(second, `${unique("u2")}@example.com`);
  await second.goto("/account");
  await hydrated(second);
  await second.getByLabel("Display name").fill("Second");
  await second.getByLabel("Username").fill(username.toUpperCase());
  await second.getByRole("button", { name: "Save" }).click();
  await expect(second.getByText("That username is taken")).toBeVisible();
  await expect(second.getByLabel("Username")).toHaveValue(username.toUpperCase());

  const profile = await second.goto(`/u/${username}`);
  expect(profile?.status()).toBe(200);
  await expect(second.getByRole("heading", { name: "First" })).toBeVisible();
  expect(await second.content()).not.toContain(firstEmail);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the avatar form still uploads and deleting the account signs out", async ({ page }) => {
    const email = `${unique("nojs")}@example.com`;
    await signUpWithoutJavaScript(page, email);
    await verifyEmail(page, email);
    await page.goto("/account");
    await page.getByLabel("Avatar").setInputFiles(fixture("avatar.png"));
    await page.getByRole("button", { name: "Upload avatar" }).click();
    await expect(page.getByText("Avatar updated.")).toBeVisible();
    await expect(header(page).getByRole("img", { name: "Avatar" })).toBeVisible();

    await page.goto("/account/security");
    const danger = page.locator("section", { has: page.getByRole("heading", { name: "Delete account" }) });
    // The default grace period (7 days): the page says the account can still be kept.
    await expect(danger).toContainText("The account is deleted 7 days later: sign in before then to keep it.");
    await expect(danger).not.toContainText("cannot be undone");
    await danger.getByLabel("Current password").fill(PASSWORD);
    await danger.getByRole("button", { name: "Delete account" }).click();
    // The test deployment keeps a deleted account for the default grace period (7 days).
    await expect(page.getByText("Your account will be deleted. We've emailed you the date: sign in before then to keep it.")).toBeVisible();
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    const mail = await mailTo(email, "Your account will be deleted");
    expect(mail.text).toContain("Sign in before");

    // Signing in during the grace period: only "Keep my account" or "Delete now".
    await page.goto("/login");
    await page.getByLabel("Email or username").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.goto("/account/security");
    await expect(page).toHaveURL(/\/account\/deletion$/);
    await expect(page.getByRole("heading", { name: "Your account is being deleted" })).toBeVisible();
    await page.getByRole("button", { name: "Keep my account" }).click();
    await expect(page).toHaveURL(/\/account/);
    await page.goto("/account/security");
    await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  });
});
