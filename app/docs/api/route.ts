// The interactive API reference (Scalar), reading /v4/openapi.json.
import { ApiReference } from "@scalar/nextjs-api-reference";

export const GET = ApiReference({ url: "/v4/openapi.json", pageTitle: "Bobbin Connect API reference", cdn: "/docs/api/standalone.js", withDefaultFonts: false });
