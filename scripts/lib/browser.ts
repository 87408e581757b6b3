// Find a Chromium for Playwright: $CHROMIUM_PATH, /usr/bin/chromium, Playwright's own; install one when none.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

function playwrightOwn(): string | undefined {
  try {
    const p = chromium.executablePath();
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  const env = process.env.CHROMIUM_PATH;
  if (env && existsSync(env)) return env;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return playwrightOwn();
}

// The browser path, installing Debian's chromium (as root) or Playwright's (otherwise) when none is found.
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.log("No Chromium found: installing Debian's chromium with apt-get …");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } else {
    console.log("No Chromium found: installing Playwright's chromium (npx playwright install chromium) …");
    execFileSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  }
  const installed = findChromium();
  if (!installed) throw new Error("Could not find or install Chromium; set CHROMIUM_PATH to a Chromium binary.");
  return installed;
}
