import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { header, mailTo, signUp, signUpWithoutJavaScript, uniqueEmail, verifyEmail } from "./helpers";

// "Download my data" from the security page: a file download, with or without JavaScript.

async function download(page: Page, email: string) {
  await page.goto("/account/security");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data" }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^accounts-export-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await file.path())!, "utf8"));
  expect(data.schema).toBe(1);
  expect(data.profile.email).toBe(email);
  expect(data.devices.length).toBeGreaterThan(0);
  await mailTo(email, "Your data was downloaded");
}

test("download my data", async ({ page }) => {
  const email = uniqueEmail("export");
  await signUp(page, email);
  await expect(header(page).getByRole("link", { name: email })).toBeVisible();
  await verifyEmail(page, email);
  await download(page, email);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("download my data as a plain link", async ({ page }) => {
    const email = uniqueEmail("export-nojs");
    await signUpWithoutJavaScript(page, email);
    await verifyEmail(page, email);
    await download(page, email);
  });
});
