// The Connect API's destination objects (the original's field names; seconds-only timestamps).
import type { z } from "zod";
import type { DestinationCheck } from "../../connect/destination-check";
import type { Destination } from "../../connect/destinations";
import type { destinationCheckSchema } from "../../validation/answers";
import type { destinationSchema } from "../../validation/connect";
import { wireTime } from "./time";

// One destination; the original shows its properties as strings, with "status":"1".
export function destinationWire(d: Destination): z.infer<typeof destinationSchema> {
  return {
    id: d.id,
    type: d.type,
    name: d.name,
    description: d.description,
    properties: { ...d.properties, status: "1" },
    stitch_client_id: d.accountId,
    created_at: wireTime(d.createdAt),
    updated_at: wireTime(d.updatedAt),
  };
}

// The answer of a destination's connection check (our addition).
export function destinationCheckWire(c: DestinationCheck): z.infer<typeof destinationCheckSchema> {
  return { status: c.status, error: c.error, checked_at: wireTime(c.checkedAt) };
}
