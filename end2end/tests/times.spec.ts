import { expect, test } from "@playwright/test";
import { hydrated, signUp, signUpWithoutJavaScript, uniqueEmail, verifyEmail } from "./helpers";

// Device list and recent activity: "just now" in <time datetime>, the exact time in the title.
test.describe("with JavaScript, exact times are in the browser's time zone", () => {
  test.use({ timezoneId: "Asia/Tokyo", locale: "en-US" });

  test("device list and activity", async ({ page }) => {
    const email = uniqueEmail("times");
    await signUp(page, email);
    await verifyEmail(page, email);
    await page.goto("/account/security");
    await hydrated(page);
    for (const time of [
      page.locator(".device-last-active time"),
      page.locator("#recent-activity time").first(),
    ]) {
      await expect(time).toHaveText("just now");
      const iso = await time.getAttribute("datetime");
      expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const expected = await page.evaluate(
        (iso) =>
          new Date(iso).toLocaleString("en-US", {
            year: "numeric",
            month: "short",
            day: "numeric",
            hour: "numeric",
            minute: "2-digit",
            timeZoneName: "short",
          }),
        iso!,
      );
      await expect(time).toHaveAttribute("title", expected);
      expect(expected).toMatch(/GMT\+9/);
    }
  });
});

test.describe("without JavaScript, exact times are in UTC", () => {
  test.use({ javaScriptEnabled: false, timezoneId: "Asia/Tokyo" });

  test("device list and activity", async ({ page }) => {
    const email = uniqueEmail("times-nojs");
    await signUpWithoutJavaScript(page, email);
    await verifyEmail(page, email);
    await page.goto("/account/security");
    const time = page.locator(".device-last-active time");
    await expect(time).toHaveText("just now");
    const iso = (await time.getAttribute("datetime"))!;
    const utc = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
    await expect(time).toHaveAttribute("title", utc);
    await expect(page.locator("#recent-activity li").first()).toContainText("Account created");
    await expect(page.locator("#recent-activity time").first()).toHaveAttribute("title", /UTC$/);
  });
});
