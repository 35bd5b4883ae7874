import { expect, test } from "@playwright/test";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the home page is server-rendered with header, nav and footer", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    const header = page.locator("header.site-header");
    await expect(header.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
    await expect(header.getByRole("link", { name: "Create account" })).toHaveAttribute("href", "/signup");
    const brand = header.locator("a.brand");
    await expect(brand).toHaveAttribute("href", "/");
    const serviceName = await page.locator('meta[name="application-name"]').getAttribute("content");
    expect(serviceName).toBeTruthy();
    await expect(brand).toHaveText(serviceName!);
    await expect(page.locator("main h1")).toContainText(serviceName!);
    await expect(page.locator("footer")).toBeVisible();
    await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
  });
});

test("the theme toggle responds once the page is hydrated", async ({ page }) => {
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  expect(await html.getAttribute("data-theme")).toBeNull();
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await toggle.click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.getByRole("button", { name: "Light theme" }).click();
  await expect(html).toHaveAttribute("data-theme", "light");
});

test("an unknown path shows the 404 page with status 404", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle(/Page not found/);
  await page.getByRole("main").getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("readiness and liveness endpoints answer", async ({ request }) => {
  const ready = await request.get("/readyz");
  expect(ready.status()).toBe(200);
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.text()).toBe("ok");
});

test("the page fits a phone screen without horizontal scrolling", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
