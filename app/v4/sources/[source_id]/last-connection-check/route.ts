// The status of the source's last connection check and discovery (running, succeeded or failed).
import { lastCheckEndpoints } from "@/lib/http/endpoints/sources";

export const { GET, POST, PUT, PATCH, DELETE } = lastCheckEndpoints;
