// Every route contract of the Connect API and the notifications API: the OpenAPI document is made from this list.
import type { Contract } from "../contract";
import * as account from "./account";
import * as destinations from "./destinations";
import * as jobs from "./jobs";
import * as notifications from "./notifications";
import * as sources from "./sources";

const isContract = (value: unknown): value is Contract => typeof value === "object" && value !== null && "method" in value && "path" in value;

export const ALL_ROUTES: Contract[] = [sources, destinations, jobs, account, notifications].flatMap((group) => Object.values(group).filter(isContract));
