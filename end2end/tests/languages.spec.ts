import { expect, test, type Page } from "@playwright/test";
import { catalog, check, choose } from "./catalog";
import { PASSWORD, header, hydrated, mailedLink, totp, uniqueEmail } from "./helpers";

// Every page in every language: `<html lang>`, no missing message (`⟦id⟧`), no sideways scroll
// at 375 px, axe clean; sign-up, the mailed link, two-step, sign-in, the public profile and a
// deletion kept, in German and Japanese. The console's pages: admin.spec.ts.

test.use({ viewport: { width: 375, height: 800 } });

const LANGS = ["de", "ja"] as const;

/** The sign-in form, by its field ids: the same in every language. */
async function signInByForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await hydrated(page);
  await page.locator("#field-identifier").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("main form.form button[type=submit]").first().click();
}

const SIGNED_OUT = [
  "/",
  "/signup",
  "/login",
  "/forgot-password",
  "/login/code",
  "/signup/code",
  "/login/code/confirm?token=not-a-token",
  "/reset-password?token=not-a-token",
  "/verify-email?token=not-a-token",
  "/no/such/page",
  "/not-me?token=not-a-token",
  "/u/nobody-has-this-name",
  "/auth/google/callback?state=forged&code=forged",
];
const SIGNED_IN = ["/", "/account", "/account/security", "/account/two-step", "/account/confirm?next=%2Faccount"];

for (const lang of LANGS) {
  test(`every page in ${lang}: sign-up, sign-in, profile, two-step, a deletion kept`, async ({ page }) => {
    test.slow();
    const words = catalog(lang);
    await choose(page, lang);
    await expect(header(page).getByRole("link", { name: words.get("nav-sign-in") })).toBeVisible();
    for (const path of SIGNED_OUT) await check(page, lang, path, true);
    // Islands carry no words: they keep the server's and read the ones they need later.
    await page.goto("/login");
    await hydrated(page);
    await page.getByRole("button", { name: words.get("form-show-password"), exact: true }).click();
    await expect(page.getByRole("button", { name: words.get("form-hide-password"), exact: true })).toBeVisible();
    await expect(page.locator("#field-password")).toHaveAttribute("type", "text");

    // Sign up in this language; the verification mail comes in it too.
    const email = uniqueEmail(`lang-${lang}`);
    await page.goto("/signup");
    await hydrated(page);
    await page.locator("#field-email").fill(email);
    await page.locator("#field-password").fill(PASSWORD);
    await page.locator("main form.form button[type=submit]").first().click();
    await expect(header(page).getByRole("button", { name: words.get("nav-sign-out") })).toBeVisible();
    const subject = words.get("mail-verify-subject");
    expect(subject, "the catalog has the verification mail's subject").toBeTruthy();
    const link = await mailedLink(email, subject!, "/verify-email");
    await page.goto(link);
    await page.locator("main form button[type=submit]").first().click();
    await expect(page.locator("main h1")).toBeVisible();
    for (const path of SIGNED_IN) await check(page, lang, path, true);

    // Sign out and in again through the translated forms.
    await header(page).getByRole("button", { name: words.get("nav-sign-out") }).click();
    await expect(header(page).getByRole("link", { name: words.get("nav-sign-in") })).toBeVisible();
    await signInByForm(page, email, "not the password at all");
    const error = page.locator(".form-error, [role=alert]").first();
    await expect(error).toBeVisible();
    expect(await error.innerText()).not.toContain("Incorrect email or password");
    await check(page, lang, "/login", false);
    await page.locator("#field-identifier").fill(email);
    await page.locator("#field-password").fill(PASSWORD);
    await page.locator("main form.form button[type=submit]").first().click();
    await expect(header(page).getByRole("button", { name: words.get("nav-sign-out") })).toBeVisible();
    await check(page, lang, "/account/security", false);

    // The public profile.
    const username = `lang_${lang}_${Date.now().toString(36)}`;
    await page.goto("/account");
    await page.locator("#field-username").fill(username);
    await page.getByRole("button", { name: words.get("profile-save"), exact: true }).click();
    await expect(page.getByText(words.get("profile-saved")!, { exact: true })).toBeVisible();
    await check(page, lang, `/u/${username}`, true);

    // Two-step: turned on, its codes, then asked for at the next sign-in (a recovery code).
    await page.goto("/account/two-step");
    const key = (await page.locator(".two-step-secret").textContent()) ?? "";
    await page.locator("#field-code").fill(totp(key));
    await page.getByRole("button", { name: words.get("twostep-turn-on"), exact: true }).click();
    await expect(page.locator(".recovery-codes li").first()).toBeVisible();
    const recovery = (await page.locator(".recovery-codes li").first().innerText()).trim();
    await check(page, lang, null, true);
    await page.getByRole("button", { name: words.get("twostep-codes-saved"), exact: true }).click();
    await expect(page.getByRole("heading", { name: words.get("twostep-on-heading") })).toBeVisible();
    await check(page, lang, null, true);
    await header(page).getByRole("button", { name: words.get("nav-sign-out") }).click();
    await expect(header(page).getByRole("link", { name: words.get("nav-sign-in") })).toBeVisible();
    await signInByForm(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/login\/verify/);
    await check(page, lang, null, true);
    await page.locator("#field-code").fill(totp(key, 1));
    await page.getByRole("button", { name: words.get("login-verify-submit"), exact: true }).click();
    await expect(header(page).getByRole("button", { name: words.get("nav-sign-out") })).toBeVisible();

    // Deletion, and keeping the account by signing in during the grace period.
    await page.goto("/account/security");
    const danger = page.locator("section.danger");
    await danger.locator("#field-password").fill(PASSWORD);
    await danger.getByRole("button", { name: words.get("security-delete-account"), exact: true }).click();
    await expect(header(page).getByRole("link", { name: words.get("nav-sign-in") })).toBeVisible();
    await check(page, lang, null, false);
    await signInByForm(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/login\/verify/);
    await check(page, lang, "/login/verify?recovery=1", true);
    await page.locator("#field-recovery_code").fill(recovery);
    await page.getByRole("button", { name: words.get("login-verify-submit"), exact: true }).click();
    await expect(header(page).getByRole("button", { name: words.get("nav-sign-out") })).toBeVisible();
    await page.goto("/account/security");
    await expect(page).toHaveURL(/\/account\/deletion$/);
    await expect(page.getByRole("heading", { name: words.get("deletion-title") })).toBeVisible();
    await check(page, lang, null, true);
    await page.getByRole("button", { name: words.get("deletion-keep"), exact: true }).click();
    await expect(page).toHaveURL(/\/account/);
    await check(page, lang, "/account/security", false);
  });
}

test("without a choice the browser's Accept-Language decides, else English", async ({ browser }) => {
  const german = await browser.newContext({ locale: "de-DE" });
  const page = await german.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(header(page).getByRole("link", { name: catalog("de").get("nav-sign-in") })).toBeVisible();
  await german.close();
  const french = await browser.newContext({ locale: "fr-FR" });
  const other = await french.newPage();
  await other.goto("/login");
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  await french.close();
});

test("the picker works without JavaScript and keeps the page", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.locator("footer select[name=lang]").selectOption("ja");
  await page.locator("footer form.language-choice button[type=submit]").click();
  await expect(page).toHaveURL(/\/login\??$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.locator("footer select[name=lang]")).toHaveValue("ja");
  await context.close();
});
