// Run before the end-to-end tests: makes sure a Chromium exists. Order of preference:
// CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own browser (downloaded here
// when missing, which needs the internet).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", chromium.executablePath()].filter(Boolean);
if (!candidates.some((candidate) => existsSync(candidate))) {
  console.log("No Chromium found: downloading Playwright's (set CHROMIUM_PATH to use another one).");
  const result = spawnSync("npx", ["--no-install", "playwright", "install", "chromium"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(
      "Could not install Chromium. Install your distribution's chromium package or set CHROMIUM_PATH, then run npm test again.",
    );
    process.exit(1);
  }
}
