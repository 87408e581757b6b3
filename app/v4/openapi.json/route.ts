// The OpenAPI 3.1 document (public: it describes the API, it grants nothing).
import { openApiEndpoints } from "@/lib/http/endpoints/account";

export const { GET, POST, PUT, PATCH, DELETE } = openApiEndpoints;
