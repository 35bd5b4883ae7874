import { expect, test, type Page } from "@playwright/test";
import { signUp, verifyEmail } from "../tests/helpers";

// Home, sign-up, account and security at a desktop and a phone width, light theme. The
// database is fresh for every run of scripts/screenshots.sh, so the account is always Ada's.
const WIDTHS = [1280, 375];
const EMAIL = "ada@example.com";

async function shoot(page: Page, name: string, width: number) {
  await page.setViewportSize({ width, height: 800 });
  await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true, animations: "disabled" });
}

test.use({ colorScheme: "light", locale: "en-GB", timezoneId: "UTC" });

test("home, sign-up, account and security", async ({ page }) => {
  test.slow();
  for (const width of WIDTHS) {
    await page.goto("/");
    await shoot(page, "home", width);
    await page.goto("/signup");
    await shoot(page, "signup", width);
  }
  await signUp(page, EMAIL);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await verifyEmail(page, EMAIL);
  await page.goto("/account");
  await page.getByLabel("Display name").fill("Ada Lovelace");
  await page.getByLabel("Username").fill("ada");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Username")).toHaveValue("ada");
  for (const width of WIDTHS) {
    await page.goto("/account");
    await shoot(page, "account", width);
    await page.goto("/account/security");
    await shoot(page, "security", width);
  }
});
