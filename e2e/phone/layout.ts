// What the phone specs check on every page: no sideways scrolling, controls in view, axe (with touch target size).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

// The document is no wider than the viewport (WCAG 1.4.10): nothing makes the page scroll sideways.
export async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${what}: document ${scrollWidth} px wide in a ${clientWidth} px viewport`).toBeLessThanOrEqual(clientWidth);
}

// The element lies wholly inside the viewport's width (and is not cut off by a scrolling container).
export async function expectWithinWidth(page: Page, element: Locator, what: string) {
  await element.scrollIntoViewIfNeeded();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  const box = await element.boundingBox();
  expect(box, `${what}: not rendered`).not.toBeNull();
  expect(box!.x, `${what}: starts left of the viewport`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: ends right of the ${width} px viewport`).toBeLessThanOrEqual(width);
  await expect(element, `${what}: visible, not clipped away`).toBeInViewport();
}

// axe with zero violations, touch target size (WCAG 2.2, 2.5.8: 24 × 24 CSS px) included.
export async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).options({ rules: { "target-size": { enabled: true } } }).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}
