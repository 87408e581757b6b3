"use server";
// Server actions of Settings → Destination: save the account's PostgreSQL destination, check its connection.
import { z } from "zod";
import { changeBy } from "@/app/(app)/_lib/change-by";
import { serverAction } from "@/app/_lib/action";
import { checkDestination } from "@/lib/connect/destination-check";
import { createDestination, updateDestination } from "@/lib/connect/destinations";
import { connectServices } from "@/lib/connect/services";

const saveSchema = z.object({
  workspaceId: z.coerce.number().int().positive(),
  destinationId: z.union([z.literal(""), z.coerce.number().int().positive()]),
  host: z.string().max(255),
  port: z.string().max(5),
  username: z.string().max(100),
  database: z.string().max(100),
  password: z.string().max(4096),
  ssl: z.enum(["true", "false"]).default("false"),
});

// Add or change the destination (an empty password keeps the stored one), as POST/PUT /v4/destinations do.
export const saveDestinationAction = serverAction({
  schema: saveSchema,
  caller: "member",
  invalid: "Check the connection details.",
  run: ({ workspaceId: _w, destinationId, password, ...rest }, context) => {
    const properties = { ...rest, ...(password ? { password } : {}) };
    return destinationId === ""
      ? createDestination(connectServices(), context.caller.workspaceId, { type: "postgres", properties }, changeBy(context))
      : updateDestination(connectServices(), context.caller.workspaceId, destinationId, { properties }, changeBy(context));
  },
  reply: ({ id }) => ({ id }),
});

// Connect to the destination now and report the result.
export const checkDestinationAction = serverAction({
  schema: z.object({ workspaceId: z.coerce.number().int().positive(), destinationId: z.coerce.number().int().positive() }),
  caller: "member",
  invalid: "Save the destination first.",
  run: ({ destinationId }, { caller }) => checkDestination(connectServices(), caller.workspaceId, destinationId),
  reply: ({ status, error }) => ({ status, error }),
});
