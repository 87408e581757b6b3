// GET: the account's hooks as {post_load: [...]}. POST {type: "post_load", destination_id, config: {url}}: create one.
import { hooksEndpoints } from "@/lib/http/endpoints/notifications";

export const { GET, POST, PUT, PATCH, DELETE } = hooksEndpoints;
