// The delivery log of one hook (our addition): its 100 latest attempts, newest first.
import { hookDeliveriesEndpoints } from "@/lib/http/endpoints/notifications";

export const { GET, POST, PUT, PATCH, DELETE } = hookDeliveriesEndpoints;
