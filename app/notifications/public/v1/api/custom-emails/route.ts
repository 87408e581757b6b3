// GET: the account's custom notification emails. POST {email_address}: add one.
import { customEmailsEndpoints } from "@/lib/http/endpoints/notifications";

export const { GET, POST, PUT, PATCH, DELETE } = customEmailsEndpoints;
