// Unauthenticated health check for load balancers: the app answers and its database does too.
import { healthEndpoints } from "@/lib/http/endpoints/account";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = healthEndpoints;
