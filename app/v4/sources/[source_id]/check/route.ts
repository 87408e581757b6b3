// Run the source's connection check and discovery again (our addition); returns the source with its new check_job_name.
import { checkEndpoints } from "@/lib/http/endpoints/sources";

export const { GET, POST, PUT, PATCH, DELETE } = checkEndpoints;
