// Fails early, with a clear message, when no browser is available.
import { findChromium } from "../../scripts/lib/browser";

export default function globalSetup() {
  if (!findChromium()) throw new Error("No Chromium found. Run `npm test` (it installs one) or set CHROMIUM_PATH.");
}
