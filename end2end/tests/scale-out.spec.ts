import { expect, test, type Page } from "@playwright/test";
import { header, hydrated, signIn, signUp, uniqueEmail, verifyEmail } from "./helpers";

// The test command serves the site from two instances behind a round-robin proxy that names
// the instance of each answer in `x-upstream`. These tests make sure both instances answer
// the same thing right after a change made through either of them.

/** The instance that answered the first request of the navigation that produced `response`. */
async function upstreamOf(response: Awaited<ReturnType<Page["goto"]>>): Promise<string> {
  expect(response).not.toBeNull();
  let request = response!.request();
  while (request.redirectedFrom()) request = request.redirectedFrom()!;
  const first = await request.response();
  const upstream = first?.headers()["x-upstream"];
  expect(upstream, "the proxy names the instance").toBeDefined();
  return upstream!;
}

/** Opens `path` until each instance has answered it at least once, checking every answer. */
async function onEveryInstance(page: Page, path: string, check: () => Promise<void>) {
  const answered = new Set<string>();
  for (let i = 0; i < 20 && answered.size < 2; i++) {
    const upstream = await upstreamOf(await page.goto(path));
    await check();
    // A page load makes several requests; if their count is even, the same instance would
    // answer every navigation. One more request moves the proxy on to the other instance.
    if (answered.has(upstream)) await page.request.get("/healthz");
    answered.add(upstream);
  }
  expect([...answered].sort()).toEqual(["0", "1"]);
}

async function signedUpAndVerified(page: Page, email: string) {
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await verifyEmail(page, email);
}

test("requests alternate between the two instances", async ({ page }) => {
  const seen = new Set<string>();
  page.on("response", (r) => {
    const upstream = r.headers()["x-upstream"];
    if (upstream) seen.add(upstream);
  });
  await page.goto("/");
  await hydrated(page);
  for (let i = 0; i < 10 && seen.size < 2; i++) await page.reload();
  expect([...seen].sort()).toEqual(["0", "1"]);
});

test("a device signed out through one instance is signed out on both", async ({ browser }) => {
  const email = uniqueEmail("scale-signout");
  const a = await (await browser.newContext()).newPage();
  await signedUpAndVerified(a, email);
  const b = await (await browser.newContext()).newPage();
  await b.goto("/login");
  await hydrated(b);
  await signIn(b, email);
  await expect(b).toHaveURL(/\/$/);
  // Both instances now hold b's session in their caches.
  await onEveryInstance(b, "/account", async () => {
    await expect(b.getByRole("heading", { name: "Account" })).toBeVisible();
  });

  await a.goto("/account/security");
  await hydrated(a);
  await a.locator("li.device:not(.current)").getByRole("button", { name: "Sign out" }).click();
  await expect(a.locator("li.device")).toHaveCount(1);

  await onEveryInstance(b, "/account", async () => {
    await expect(b).toHaveURL(/\/login/);
    await expect(header(b).getByRole("link", { name: "Sign in" })).toBeVisible();
  });
});

test("a display name saved through one instance shows on both", async ({ browser }) => {
  const email = uniqueEmail("scale-name");
  const a = await (await browser.newContext()).newPage();
  await signedUpAndVerified(a, email);
  const b = await (await browser.newContext()).newPage();
  await b.goto("/login");
  await hydrated(b);
  await signIn(b, email);
  await expect(b).toHaveURL(/\/$/);
  await onEveryInstance(b, "/", async () => {
    await expect(header(b).getByRole("link", { name: email })).toBeVisible();
  });

  const name = `Grace ${Date.now()}`;
  await a.goto("/account");
  await hydrated(a);
  await a.getByLabel("Display name").fill(name);
  await a.getByRole("button", { name: "Save" }).click();
  await expect(a.getByText("Saved.")).toBeVisible();

  await onEveryInstance(b, "/", async () => {
    await expect(header(b).getByRole("link", { name })).toBeVisible();
  });
});
