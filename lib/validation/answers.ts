// Small response shapes of the Connect API (acknowledgements and our additions); they make the OpenAPI document.
import { z } from "zod";

export const statusOkSchema = z.object({ status: z.literal(200) });

export const emptyObjectSchema = z.strictObject({});

export const destinationCheckSchema = z.object({
  status: z.enum(["succeeded", "failed"]),
  error: z.string().nullable(),
  checked_at: z.string().meta({ description: "UTC, whole seconds: 2020-06-19T15:09:38Z." }),
});

export const deletedCustomEmailSchema = z.array(z.literal(1));

// The body of a secret scanner's leak report and its answer, as GitHub's secret-scanning partner program sends them.
export const leakReportDocSchema = z.array(z.object({ token: z.string(), type: z.string().optional(), url: z.string().optional(), source: z.string().optional() }));
export const leakAnswerSchema = z.array(z.object({ token_raw: z.string(), token_type: z.string(), label: z.enum(["true_positive", "false_positive"]) }));
