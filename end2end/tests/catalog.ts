import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// What a page in another language is checked for. Expected words are read from the catalogs
// (locales/<lang>/*.ftl), not written in the tests.

/** The single-line messages without variables of a language: `id = text`. */
export function catalog(lang: string): Map<string, string> {
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

/** Picks `lang` with the footer's picker. */
export async function choose(page: Page, lang: string, from = "/") {
  await page.goto(from);
  await page.locator("footer select[name=lang]").selectOption(lang);
  await page.locator("footer form.language-choice button[type=submit]").click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

/** English sentences that read differently in `lang`: none may show on a page in `lang`. */
function englishOnly(lang: string): string[] {
  const own = catalog(lang);
  return [...catalog("en")].filter(([id, text]) => text.length >= 16 && own.get(id) !== text).map(([, text]) => text);
}

/**
 * The page at `path` (the current page when null) is in `lang`: `<html lang>`, no missing
 * message (`⟦id⟧`) in the text or the title, no English sentence, no sideways scroll at the
 * viewport's 375 px, and (with `axe`) no WCAG 2.1 A/AA violation. Text inside `data` (a
 * selector) is what people wrote or were sent, kept as it was: not checked for English.
 */
export async function check(page: Page, lang: string, path: string | null, axe: boolean, data?: string) {
  if (path) await page.goto(path);
  const where = path ?? new URL(page.url()).pathname;
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  const text = await page.locator("body").innerText();
  expect(text, `${where} in ${lang} renders a missing message`).not.toContain("⟦");
  let ours = text;
  if (data) for (const kept of await page.locator(data).allInnerTexts()) ours = ours.replace(kept, "");
  const untranslated = englishOnly(lang).filter((english) => ours.includes(english));
  expect(untranslated, `${where} in ${lang} shows English`).toEqual([]);
  expect(await page.title(), `${where} title in ${lang}`).not.toContain("⟦");
  const size = page.viewportSize();
  if (size?.width !== 375) await page.setViewportSize({ width: 375, height: 800 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide, `${where} in ${lang} is ${wide} px wide at 375 px`).toBeLessThanOrEqual(375);
  if (size && size.width !== 375) await page.setViewportSize(size);
  if (axe) {
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const found = result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(found, `axe on ${where} in ${lang}`).toEqual([]);
  }
}
