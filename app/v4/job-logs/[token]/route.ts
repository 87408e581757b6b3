// The signed log URL's target: the job's log as text/plain, while the link's signature holds and it has not expired.
import { jobLogEndpoints } from "@/lib/http/endpoints/jobs";

export const { GET, POST, PUT, PATCH, DELETE } = jobLogEndpoints;
