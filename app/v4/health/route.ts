// Unauthenticated health check for load balancers: the app answers and its database does too.
import { db } from "@/lib/db/client";
import { jsonResponse } from "@/lib/http/errors";
import { otherVerbs } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return jsonResponse({ status: "ok" });
  } catch {
    return jsonResponse({ status: "unavailable" }, 503);
  }
}

export const { POST, PUT, PATCH, DELETE } = otherVerbs("GET");
