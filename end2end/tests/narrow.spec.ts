import { expect, test } from "@playwright/test";
import { header, signUp, verifyEmail } from "./helpers";

// A phone's width (375 px) with the longest things people bring: no page scrolls sideways.
// A long address used to stretch the signed-in home to 570 px ("Welcome back, <address>").

test.use({ viewport: { width: 375, height: 800 } });

const LONG = () =>
  `someone-with-a-remarkably-long-address-${Date.now()}${Math.floor(Math.random() * 1e6)}@subdomain.an-exceptionally-long-domain-name.example.com`;

async function fits(page: import("@playwright/test").Page, path: string) {
  await page.goto(path);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide, `${path} is ${wide} px wide at 375 px`).toBeLessThanOrEqual(375);
}

test("no page scrolls sideways at 375 px, signed out or in with a long address", async ({ page }) => {
  for (const path of ["/", "/login", "/signup", "/login/code", "/signup/code", "/forgot-password"]) {
    await fits(page, path);
  }
  const email = LONG();
  await signUp(page, email);
  await expect(header(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  await verifyEmail(page, email);
  for (const path of ["/", "/account", "/account/security", "/account/two-step", "/account/confirm?next=%2Faccount"]) {
    await fits(page, path);
  }
});
