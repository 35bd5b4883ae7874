import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, header, hydrated, mailedLink, uniqueEmail } from "./helpers";

// Every page in every language: `<html lang>`, no missing message (`⟦id⟧`), no sideways scroll
// at 375 px, axe clean; sign-up, the mailed link, sign-in and the security page in German and
// Japanese. Expected words are read from the catalogs (locales/<lang>/*.ftl), not written here.

test.use({ viewport: { width: 375, height: 800 } });

const LANGS = ["de", "ja"] as const;

/** The single-line messages of a language: `id = text`. */
function catalog(lang: string): Map<string, string> {
  const dir = join(__dirname, "..", "..", "locales", lang);
  const messages = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      const m = line.match(/^([a-z][a-z0-9-]*) = (.+)$/);
      if (m && !m[2].includes("{")) messages.set(m[1], m[2].trim());
    }
  }
  return messages;
}

async function choose(page: Page, lang: string) {
  await page.goto("/");
  await page.locator("footer select[name=lang]").selectOption(lang);
  await page.locator("footer form.language-choice button[type=submit]").click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

/** English sentences that read differently in `lang`: none may show on a page in `lang`. */
function englishOnly(lang: string): string[] {
  const own = catalog(lang);
  return [...catalog("en")].filter(([id, text]) => text.length >= 16 && own.get(id) !== text).map(([, text]) => text);
}

async function check(page: Page, lang: string, path: string, axe: boolean) {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  const text = await page.locator("body").innerText();
  expect(text, `${path} in ${lang} renders a missing message`).not.toContain("⟦");
  const untranslated = englishOnly(lang).filter((english) => text.includes(english));
  expect(untranslated, `${path} in ${lang} shows English`).toEqual([]);
  const title = await page.title();
  expect(title, `${path} title in ${lang}`).not.toContain("⟦");
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide, `${path} in ${lang} is ${wide} px wide at 375 px`).toBeLessThanOrEqual(375);
  if (axe) {
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const found = result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(found, `axe on ${path} in ${lang}`).toEqual([]);
  }
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
];
const SIGNED_IN = ["/", "/account", "/account/security", "/account/two-step", "/account/confirm?next=%2Faccount"];

for (const lang of LANGS) {
  test(`every page in ${lang}: sign up, verify, sign out, sign in`, async ({ page }) => {
    test.slow();
    const words = catalog(lang);
    await choose(page, lang);
    await expect(header(page).getByRole("link", { name: words.get("nav-sign-in") })).toBeVisible();
    for (const path of SIGNED_OUT) await check(page, lang, path, true);

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
    await page.goto("/login");
    await hydrated(page);
    await page.locator("#field-identifier").fill(email);
    await page.locator("#field-password").fill("not the password at all");
    await page.locator("main form.form button[type=submit]").first().click();
    const error = page.locator(".form-error, [role=alert]").first();
    await expect(error).toBeVisible();
    expect(await error.innerText()).not.toContain("Incorrect email or password");
    await check(page, lang, "/login", false);
    await page.locator("#field-identifier").fill(email);
    await page.locator("#field-password").fill(PASSWORD);
    await page.locator("main form.form button[type=submit]").first().click();
    await expect(header(page).getByRole("button", { name: words.get("nav-sign-out") })).toBeVisible();
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
