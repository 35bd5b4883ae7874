import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `scripts/screenshots.sh`: regenerates the PNGs in end2end/screenshots/ (not part of the tests).
export default defineConfig({
  ...base,
  testDir: "./screenshots",
  retries: 0,
  workers: 1,
});
