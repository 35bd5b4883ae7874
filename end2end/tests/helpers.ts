import { createHmac } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery staple";

const MAIL_API = process.env.MAIL_API;

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
}

export const header = (page: Page) => page.locator("header.site-header");

export async function hydrated(page: Page) {
  // Generous: the first load compiles the (debug) WASM while other tests run.
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
}

/** Waits for a mail to `to` whose subject starts with `subject` and returns the link to `path` in it. */
export async function mailedLink(to: string, subject: string, path: string): Promise<string> {
  if (!MAIL_API) throw new Error("MAIL_API is not set: run the tests through scripts/test.sh");
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${MAIL_API}/email?to.address=${encodeURIComponent(to)}`);
    const messages: Array<{ subject: string; text: string }> = res.ok ? await res.json() : [];
    const found = [...messages].reverse().find((m) => m.subject.startsWith(subject));
    if (found) {
      const match = found.text.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`));
      if (!match) throw new Error(`no ${path} link in: ${found.text}`);
      return match[0];
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no mail "${subject}" to ${to}`);
}

/** Waits for a mail to `to` whose subject starts with `subject` and returns it. */
export async function mailTo(to: string, subject: string): Promise<{ subject: string; text: string; html: string }> {
  if (!MAIL_API) throw new Error("MAIL_API is not set: run the tests through scripts/test.sh");
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${MAIL_API}/email?to.address=${encodeURIComponent(to)}`);
    const messages: Array<{ subject: string; text: string; html: string }> = res.ok ? await res.json() : [];
    const found = [...messages].reverse().find((m) => m.subject.startsWith(subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no mail "${subject}" to ${to}`);
}

/** Follows the verification link mailed to `email` in `page` and presses its button. */
export async function verifyEmail(page: Page, email: string) {
  const link = await mailedLink(email, "Verify your email", "/verify-email");
  await page.goto(link);
  await page.getByRole("button", { name: "Verify my email" }).click();
  await expect(page.getByRole("heading", { name: "Your email is verified." })).toBeVisible();
}

export async function signUp(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signup");
  await hydrated(page);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The same as a plain form post, for pages with JavaScript disabled; lands on the home page. */
export async function signUpWithoutJavaScript(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signup");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);
}

export async function signIn(page: Page, identifier: string, password = PASSWORD) {
  await page.getByLabel("Email or username").fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** What an authenticator app shows for `key` (RFC 6238: SHA-1, 6 digits, 30 s), `steps` ahead. */
export function totp(key: string, steps = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of key.replace(/[\s=]/g, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const secret = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + steps));
  const mac = createHmac("sha1", secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}
