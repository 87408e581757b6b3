// Every route's contract, in the order the OpenAPI document lists them.
import { COMPAT_ROUTES } from "./compat";
import { CONNECT_ROUTES } from "./connect";
import type { Contract } from "./contract";
import { JOB_ROUTES } from "./jobs";
import { META_ROUTES } from "./meta";

export const ROUTES: Contract[] = [...META_ROUTES, ...CONNECT_ROUTES, ...JOB_ROUTES, ...COMPAT_ROUTES];
