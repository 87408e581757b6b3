// Revocation under load: while two keys stream requests, one is disabled (or deleted) in the UI.
// Every request with it that starts after the action has returned is refused; the other key never fails.
import { performance } from "node:perf_hooks";
import type { Page } from "@playwright/test";
import { expect, test, createAccount, createKey, signIn } from "./support/fixtures";
import { streamRequests, waitForSamples, type Sample } from "./support/load";

const SETTINGS = (slug: string) => `/${slug}/settings/account`;

// Click through the UI; resolves with the time the server action's response reached the browser. Next sends
// that response only once the action function has returned (its result is the start of the response body).
async function runAction(page: Page, click: () => Promise<void>): Promise<number> {
  const action = page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
  await click();
  const response = await action;
  const returnedAt = performance.now();
  expect(response.status()).toBe(200);
  return returnedAt;
}

// Requests done before the click and those started after the action returned (the ones in flight meanwhile may go either way).
function summarize(samples: Sample[], clickedAt: number, returnedAt: number) {
  const after = samples.filter((s) => s.start > returnedAt);
  const before = samples.filter((s) => s.end < clickedAt);
  return { before, after, afterStatuses: [...new Set(after.map((s) => s.status))] };
}

const cases = [
  {
    name: "disable",
    act: async (page: Page, last4: string) => {
      await page.getByRole("button", { name: `Actions for key ending ${last4}` }).click();
      await page.getByRole("menuitem", { name: "Disable this key" }).click();
    },
    message: (last4: string) => `Key ending ${last4} is disabled.`,
  },
  {
    name: "delete",
    act: async (page: Page, last4: string) => {
      await page.getByRole("button", { name: `Actions for key ending ${last4}` }).click();
      await page.getByRole("menuitem", { name: "Delete this key" }).click();
      await page.getByRole("dialog", { name: "Delete this key?" }).getByRole("button", { name: "Delete" }).click();
    },
    message: (last4: string) => `Key ending ${last4} is deleted.`,
  },
];

for (const { name, act, message } of cases) {
  test(`${name} a key in the UI while it and another key stream requests`, async ({ page, db }) => {
    const account = await createAccount(db, { members: 2 });
    const k = await createKey(db, account, 0, "Key under load");
    const l = await createKey(db, account, 1, "Bystander key");
    await signIn(page, account.emails[1]);
    await page.goto(SETTINGS(account.slug));

    const streamK = streamRequests(k.plaintext);
    const streamL = streamRequests(l.plaintext);
    let clickedAt = 0;
    let returnedAt = Infinity;
    try {
      await waitForSamples(streamK, 10);
      clickedAt = performance.now();
      returnedAt = await runAction(page, () => act(page, k.key.last4));
      await expect(page.getByRole("status").first()).toContainText(message(k.key.last4));
      await Promise.all([waitForSamples(streamK, 40), waitForSamples(streamL, 40)]);
    } finally {
      await Promise.all([streamK.stop(), streamL.stop()]);
    }

    const { before, after, afterStatuses } = summarize(streamK.samples, clickedAt, returnedAt);
    test.info().annotations.push({
      type: "load",
      description: `K: ${before.length} before the click, ${streamK.samples.length - before.length - after.length} in flight, ${after.length} after (action took ${Math.round(returnedAt - clickedAt)} ms); L: ${streamL.samples.length}`,
    });
    expect(before.length, "K was served before the action").toBeGreaterThanOrEqual(10);
    expect(before.every((s) => s.status === 200), "K before the action").toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(40);
    expect(afterStatuses, "every K request that started after the action returned").toEqual([401]);
    const lStatuses = [...new Set(streamL.samples.map((s) => s.status))];
    expect(lStatuses, `L over ${streamL.samples.length} requests`).toEqual([200]);
  });
}
