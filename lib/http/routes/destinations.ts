// Route contracts of destinations and of the source and destination type catalogues.
import { z } from "zod";
import { destinationCheckSchema, emptyObjectSchema } from "../../validation/answers";
import { createDestinationSchema, destinationSchema, sourceTypeSchema, updateDestinationSchema } from "../../validation/connect";
import { destinationTypeSchema } from "../../validation/destination-types";
import { contract, idParam } from "../contract";

const destination = z.object({ destination_id: idParam("Destination") });
const typeName = (example: string) => z.object({ type: z.string().meta({ example }) });

export const listDestinations = contract({ method: "GET", path: "/v4/destinations", auth: "key", summary: "List the account's destinations", response: z.array(destinationSchema) });
export const createDestination = contract({
  method: "POST", path: "/v4/destinations", auth: "key", summary: "Create a destination",
  body: { schema: createDestinationSchema, read: "json" }, response: destinationSchema, errors: [400],
});
export const getDestination = contract({ method: "GET", path: "/v4/destinations/{destination_id}", auth: "key", summary: "One destination", params: destination, response: destinationSchema, errors: [400, 404] });
export const updateDestination = contract({
  method: "PUT", path: "/v4/destinations/{destination_id}", auth: "key", summary: "Update a destination (its type cannot change)",
  params: destination, body: { schema: updateDestinationSchema, read: "json" }, response: destinationSchema, errors: [400, 404],
});
export const deleteDestination = contract({ method: "DELETE", path: "/v4/destinations/{destination_id}", auth: "key", summary: "Delete a destination", params: destination, response: emptyObjectSchema, errors: [400, 404] });
export const checkDestination = contract({
  method: "POST", path: "/v4/destinations/{destination_id}/check", auth: "key",
  summary: "Check the destination's connection now (our addition): connects, and checks the user may create schemas", params: destination, response: destinationCheckSchema, errors: [400, 404],
});

export const listSourceTypes = contract({ method: "GET", path: "/v4/source-types", auth: "key", summary: "The catalogue of source types", response: z.array(sourceTypeSchema) });
export const getSourceType = contract({
  method: "GET", path: "/v4/source-types/{type}", auth: "key", summary: "One source type with its properties and steps",
  params: typeName("platform.postgres"), response: sourceTypeSchema, errors: [404],
});
export const listDestinationTypes = contract({
  method: "GET", path: "/v4/destination-types", auth: "key", summary: "The catalogue of destination types (report cards with form properties and details)", response: z.array(destinationTypeSchema),
});
export const getDestinationType = contract({
  method: "GET", path: "/v4/destination-types/{type}", auth: "key", summary: "One destination type, e.g. postgres", params: typeName("postgres"), response: destinationTypeSchema, errors: [404],
});
