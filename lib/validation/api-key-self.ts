// Response shape of GET /v4/keys/self (it makes the endpoint's OpenAPI document).
import { z } from "zod";

export const keySelfSchema = z
  .object({
    last4: z.string().meta({ description: "The key's last 4 characters (the key itself is never returned)." }),
    description: z.string(),
    account: z.object({ id: z.number().int().meta({ description: "The account id (Stitch's client id)." }), name: z.string() }),
    access: z.enum(["full", "read_only"]).meta({ description: "read_only: GET and HEAD only; anything else is answered 403 Forbidden." }),
    expires_at: z.string().nullable().meta({ description: "ISO 8601, UTC; null when the key never expires. From then on the key is refused (401)." }),
    allowed_ips: z.array(z.string()).meta({ description: "CIDR ranges the key may be used from; empty: any address." }),
    created_at: z.string().meta({ description: "ISO 8601, UTC." }),
  })
  .meta({ id: "KeySelf" });
