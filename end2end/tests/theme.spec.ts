import { expect, test } from "@playwright/test";
import { header, hydrated, signUp, uniqueEmail } from "./helpers";

const background = (page: import("@playwright/test").Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK_BG = "rgb(22, 23, 27)";
const LIGHT_BG = "rgb(247, 247, 248)";

test.describe("a first visit follows the system", () => {
  test.use({ colorScheme: "dark" });

  test("dark system: dark page, the header offers the light theme", async ({ page }) => {
    const response = await page.goto("/login");
    expect(await response?.text()).not.toContain("data-theme=");
    expect(await background(page)).toBe(DARK_BG);
    await expect(header(page).getByRole("button", { name: "Light theme" })).toBeVisible();
    await expect(header(page).getByRole("button", { name: "Dark theme" })).toBeHidden();
  });
});

test.describe("light system", () => {
  test.use({ colorScheme: "light" });

  test("the toggle is in the header of every page and switches at once with JavaScript", async ({ page }) => {
    for (const path of ["/", "/login", "/signup", "/forgot-password", "/no/such/page"]) {
      await page.goto(path);
      await expect(header(page).getByRole("button", { name: "Dark theme" })).toBeVisible();
    }
    await page.goto("/signup");
    await hydrated(page);
    expect(await background(page)).toBe(LIGHT_BG);
    await header(page).getByRole("button", { name: "Dark theme" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect(page).toHaveURL(/\/signup$/);
    expect(await background(page)).toBe(DARK_BG);
    // Keyboard focus moves to the button now shown.
    await expect(header(page).getByRole("button", { name: "Light theme" })).toBeFocused();

    // The choice is kept: the server renders it, so nothing flashes on the next page.
    const html = await (await page.request.get("/account")).text();
    expect(html).toContain('<html lang="en" data-theme="dark"');
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await header(page).getByRole("button", { name: "Light theme" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await background(page)).toBe(LIGHT_BG);
  });

  test("signed in, the choice follows the person around", async ({ page }) => {
    await signUp(page, uniqueEmail("theme"));
    await expect(page).toHaveURL(/\/$/);
    await header(page).getByRole("button", { name: "Dark theme" }).click();
    await page.goto("/account/security");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, colorScheme: "light" });

  test("the toggle is a plain form post that comes back to the same page", async ({ page }) => {
    await page.goto("/forgot-password");
    await header(page).getByRole("button", { name: "Dark theme" }).click();
    await expect(page).toHaveURL(/\/forgot-password\??$/);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await background(page)).toBe(DARK_BG);
    await header(page).getByRole("button", { name: "Light theme" }).click();
    await expect(page).toHaveURL(/\/forgot-password\??$/);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  });

  test("a forged theme value changes nothing", async ({ page }) => {
    await page.goto("/login");
    const action = await page.locator("form.theme-choice").getAttribute("action");
    const answer = await page.request.post(action!, {
      form: { theme: 'dark"><script>alert(1)</script>' },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(answer.status()).toBeLessThan(500);
    await page.goto("/login");
    expect(await page.locator("html").getAttribute("data-theme")).toBeNull();
  });
});
