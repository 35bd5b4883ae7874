import { expect, test, type Page } from "@playwright/test";
import { hydrated, signUp, uniqueEmail, verifyEmail } from "./helpers";

// Pages are server-rendered; only islands run in the browser. Forms are plain posts, so these
// tests cover what the islands add on top: the busy state and a single post per submit.

test("a submit button is busy while its form is sent, and the answer is a new page", async ({ page }) => {
  await page.goto("/login");
  await hydrated(page);
  await watchSubmit(page);

  const email = uniqueEmail("busy");
  await page.getByLabel("Email or username").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await expect(page.getByRole("alert")).toHaveText("Incorrect email or password.");
  // The error came back in a signed cookie, not in the URL.
  expect(page.url()).not.toContain("__err");
  expect(await seenStates(page)).toContainEqual({ busy: "true", disabled: true });
  const again = page.getByRole("button", { name: "Sign in", exact: true });
  await expect(again).toBeEnabled();
  await expect(again).toHaveAttribute("aria-busy", "false");
  await expect(page.getByLabel("Email or username")).toHaveValue(email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
});

test("a second click while busy sends the form once", async ({ page }) => {
  await page.goto("/forgot-password");
  await hydrated(page);
  let posts = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/forgot_password")) posts += 1;
  });
  await watchSubmit(page, { clickAgain: true });
  await page.getByLabel("Email").fill(uniqueEmail("once"));
  await page.getByRole("button", { name: "Send reset link" }).click();

  await expect(page.getByRole("status")).toContainText("If an account exists for that address");
  const seen = await seenStates(page);
  expect(seen).toContainEqual({ busy: "true", disabled: true, clickedAgain: true });
  expect(posts).toBe(1);
});

test("a page loads one small module and renders everything else as HTML", async ({ page }) => {
  const wasm: string[] = [];
  page.on("response", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(r.url());
  });
  await page.goto("/login");
  await hydrated(page);
  expect(wasm).toHaveLength(1);
  // Islands carry their own markers; the rest of the page is plain HTML, submit buttons too
  // (their busy state is one listener for every form, not an island each).
  await expect(page.locator("main form button[type=submit]").first()).toHaveText(/Sign in/);
  await expect(page.locator("main leptos-island button[type=submit]")).toHaveCount(0);
  // The header's one island is the theme toggle.
  await expect(page.locator("header leptos-island")).toHaveCount(1);
  await expect(page.locator("header leptos-island form.theme-choice")).toHaveCount(1);
});

/**
 * Records every change of the page's first form's submit button in sessionStorage, which survives the
 * navigation the post starts (Playwright cannot read a page while its navigation is pending).
 * With `clickAgain`, clicks the button once more as soon as it is disabled.
 */
async function watchSubmit(page: Page, { clickAgain = false } = {}) {
  await page.evaluate((again) => {
    const button = document.querySelector<HTMLButtonElement>("main form button[type=submit]")!;
    const seen: unknown[] = [];
    sessionStorage.removeItem("submit-states");
    new MutationObserver(() => {
      const clickedAgain = again && button.disabled;
      if (clickedAgain) {
        again = false;
        button.click();
      }
      seen.push({ busy: button.getAttribute("aria-busy"), disabled: button.disabled, ...(clickedAgain ? { clickedAgain } : {}) });
      sessionStorage.setItem("submit-states", JSON.stringify(seen));
    }).observe(button, { attributes: true });
  }, clickAgain);
}

function seenStates(page: Page): Promise<unknown[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem("submit-states") ?? "[]"));
}

test("signed-in pages hydrate with no Content Security Policy violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) violations.push(m.text());
  });
  const email = uniqueEmail("csp");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await verifyEmail(page, email);
  for (const path of ["/", "/account", "/account/security"]) {
    await page.goto(path);
    await hydrated(page);
    await expect(page.locator("header .avatar.initials")).toBeVisible();
  }
  // The initials circle gets its size from a class, not an inline style the policy would block.
  await expect(page.locator("header .avatar.initials")).toHaveCSS("width", "32px");
  expect(violations).toEqual([]);
});
