"use server";
// Server actions of Settings → Destination: save the account's PostgreSQL destination, check its connection.
import { z } from "zod";
import { changeByMember } from "@/app/(app)/_lib/change-by";
import { memberAction } from "@/app/_lib/action";
import { checkDestination } from "@/lib/connect/destination-check";
import { createDestination, updateDestination } from "@/lib/connect/destinations";
import { connectServices } from "@/lib/connect/services";

const accountId = z.coerce.number().int().positive();

const saveSchema = z.object({
  accountId,
  destinationId: z.union([z.literal(""), z.coerce.number().int().positive()]),
  host: z.string().max(255),
  port: z.string().max(5),
  username: z.string().max(100),
  database: z.string().max(100),
  password: z.string().max(4096),
  ssl: z.enum(["true", "false"]).default("false"),
});

// Add or change the destination (an empty password keeps the stored one), as POST/PUT /v4/destinations do.
export const saveDestinationAction = memberAction({
  schema: saveSchema,
  invalid: "Check the connection details.",
  run: async ({ input, member }) => {
    const { accountId: _w, destinationId, password, ...rest } = input;
    const properties = { ...rest, ...(password ? { password } : {}) };
    const by = await changeByMember(member);
    return destinationId === ""
      ? createDestination(connectServices(), member.accountId, { type: "postgres", properties }, by)
      : updateDestination(connectServices(), member.accountId, destinationId, { properties }, by);
  },
  data: (destination) => ({ id: destination.id }),
  refused: (failure) => Object.entries(failure.fields ?? {}).map(([k, v]) => `${k.replace(/^properties\./, "")}: ${v}`).join(" ") || failure.message,
});

// Connect to the destination now and report the result.
export const checkDestinationAction = memberAction({
  schema: z.object({ accountId, destinationId: z.coerce.number().int().positive() }),
  invalid: "Save the destination first.",
  run: ({ input, member }) => checkDestination(connectServices(), member.accountId, input.destinationId),
  data: (check) => ({ status: check.status, error: check.error }),
});
