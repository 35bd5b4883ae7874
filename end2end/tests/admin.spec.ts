import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { catalog, check, choose } from "./catalog";
import { header, signIn, signUp, totp, uniqueEmail, verifyEmail } from "./helpers";

// The admin console through the two-instance proxy: the role granted with the command line,
// the console entered with two-step, a person found and signed out everywhere (their browser
// at once, whichever instance answers), the audit row; a member gets "Page not found".

function cli(...args: string[]): string {
  const bin = process.env.ACCOUNTS_CLI;
  if (!bin) throw new Error("ACCOUNTS_CLI is not set: run the browser tests through scripts/test.sh");
  return execFileSync(bin, args, { encoding: "utf8" });
}

/** axe-core finds no WCAG 2.1 A/AA violation, and nothing scrolls sideways at 375 px. */
async function clean(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`), what).toEqual([]);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 800 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide, `${what} at 375 px`).toBeLessThanOrEqual(375);
  if (size) await page.setViewportSize(size);
}

/** Turns two-step on from the security page; returns the key. */
async function turnOnTwoStep(page: Page): Promise<string> {
  await page.goto("/account/security");
  await page.getByRole("link", { name: "Set up two-step verification" }).click();
  const key = (await page.locator(".two-step-secret").textContent()) ?? "";
  await page.getByLabel("Code").fill(totp(key));
  await page.getByRole("button", { name: "Turn on" }).click();
  await page.getByRole("button", { name: "I saved my codes" }).click();
  await expect(page.getByRole("heading", { name: "Two-step verification is on" })).toBeVisible();
  return key;
}

test("an admin signs a person out everywhere and the audit shows it", async ({ browser }) => {
  // Two accounts, a two-step sign-in and the console walked in three languages with axe on each
  // page: 26-29 s alone on two cores, too close to the 30 s default.
  test.slow();
  const person = uniqueEmail("console-person");
  const personPage = await (await browser.newContext()).newPage();
  await signUp(personPage, person);
  await expect(header(personPage).getByRole("link", { name: person })).toBeVisible();
  // A member: every console address is "Page not found".
  for (const path of ["/admin", "/admin/users", "/admin/audit", "/admin/users/00000000-0000-0000-0000-000000000000"]) {
    const res = await personPage.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(personPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }

  const admin = uniqueEmail("console-admin");
  const page = await (await browser.newContext()).newPage();
  await signUp(page, admin);
  await verifyEmail(page, admin);
  const key = await turnOnTwoStep(page);
  expect(cli("users", "grant-admin", admin)).toContain("may use the admin console");
  // The session that turned two-step on signed in with a password alone.
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Admin pages need two-step verification or a passkey" })).toBeVisible();
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await page.goto("/login");
  await signIn(page, admin);
  await page.getByLabel("Code").fill(totp(key, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(header(page).getByRole("link", { name: "Admin", exact: true })).toBeVisible();

  await header(page).getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
  await expect(page.locator(".admin-chart")).toBeVisible();
  await clean(page, "/admin");
  await page.getByRole("link", { name: "People" }).click();
  await page.getByLabel("Email, username or name starts with").fill(person.slice(0, 20).toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await clean(page, "/admin/users with results");
  await page.getByRole("link", { name: person }).click();
  await expect(page.getByRole("heading", { name: person })).toBeVisible();
  const personPath = new URL(page.url()).pathname;
  await clean(page, "/admin/users/<id>");
  await page.getByLabel("Action").selectOption({ label: "Sign out every device" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Say why (at least 3 characters)")).toBeVisible();
  await page.getByLabel("Reason (kept in the audit)").fill("Lost phone, ticket 7");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status")).toHaveText("Every device was signed out.");

  // The person's browser is signed out whichever instance answers.
  for (let i = 0; i < 4; i++) {
    await personPage.goto("/");
    await expect(header(personPage).getByRole("link", { name: "Sign in" })).toBeVisible();
  }

  await page.getByRole("link", { name: "Audit" }).click();
  await page.getByLabel("Person's email starts with").fill(person);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.locator(".audit-row").first();
  await expect(row).toContainText("sign_out_all");
  await expect(row).toContainText(admin);
  await expect(row).toContainText("Lost phone, ticket 7");
  await clean(page, "/admin/audit");

  // The console in German and Japanese: every page, and what an action says once done.
  for (const lang of ["de", "ja"]) {
    const words = catalog(lang);
    await choose(page, lang, "/admin");
    await check(page, lang, "/admin", true);
    await check(page, lang, `/admin/users?q=${encodeURIComponent(person.slice(0, 20))}`, true);
    await check(page, lang, `/admin/audit?target=${encodeURIComponent(person)}`, true);
    await check(page, lang, personPath, true, ".admin-mails");
    await page.locator("#admin-action").selectOption("sign_out_all");
    await page.locator("#field-reason").fill(`Checked in ${lang}`);
    await page.getByRole("button", { name: words.get("admin-apply"), exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(words.get("admin-done-sign-out-all")!);
    await check(page, lang, null, false, ".admin-mails");
  }
  await choose(page, "en", "/admin");
});
