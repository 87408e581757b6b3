// A secret scanner's leak report (see docs/api-keys.md, "Leak reports"): signed by the scanner, not by a key.
import { keyLeaksEndpoints } from "@/lib/http/endpoints/account";

export const { GET, POST, PUT, PATCH, DELETE } = keyLeaksEndpoints;
