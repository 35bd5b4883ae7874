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
  // On failure, name the widest elements that stick out.
  const culprits = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .map((e) => ({ e, right: e.getBoundingClientRect().right }))
      .filter(({ right }) => right > 376)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(({ e, right }) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(right)} px)`)
      .concat(
        (() => {
          const out: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(n);
            const right = range.getBoundingClientRect().right;
            if (right > 376) out.push(`text "${(n.textContent ?? "").slice(0, 40)}" in ${n.parentElement?.tagName.toLowerCase()}.${n.parentElement?.className} (${Math.round(right)} px)`);
          }
          return out.slice(0, 5);
        })(),
      )
      .concat([`window ${window.innerWidth} px, body ${document.body.scrollWidth} px`]),
  );
  expect(wide, `${path} is ${wide} px wide at 375 px: ${culprits.join(", ")}`).toBeLessThanOrEqual(375);
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
