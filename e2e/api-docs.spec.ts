// The API's documentation: a valid OpenAPI 3.1 document covering every route, and the reference page rendering it.
import { validate } from "@readme/openapi-parser";
import { expect, test } from "./support/fixtures";

test("the OpenAPI document validates and lists the API's paths", async ({ request }) => {
  const response = await request.get("/v4/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  const result = await validate(structuredClone(document));
  expect(result.valid, JSON.stringify(result)).toBe(true);
  for (const path of ["/v4/sources", "/v4/sources/{source_id}", "/v4/source-types", "/v4/source-types/{type}", "/v4/destinations", "/v4/destinations/{destination_id}",
    "/v4/sources/{source_id}/sync", "/v4/{stitch_client_id}/extractions", "/v4/{stitch_client_id}/extractions/{job_name}", "/v4/{stitch_client_id}/loads"]) {
    expect(Object.keys(document.paths)).toContain(path);
  }
  // The request schemas are the ones that validate requests: unknown fields are refused there too.
  expect(document.components.schemas.CreateSource.additionalProperties).toBe(false);
});

test("the interactive reference renders in the browser, offline", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://localhost")) external.push(r.url());
  });
  const response = await page.goto("/docs/api");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("connect-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  await expect(page).toHaveTitle(/Bobbin Connect API/);
  await expect(page.getByRole("heading", { name: "Bobbin Connect API", level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("List every source of the account").first()).toBeVisible();
  expect(external.filter((u) => !u.startsWith("data:"))).toEqual([]);
});
