// Roles in an account: owners manage the team; every member manages keys.
import { failures } from "../result";

export const ROLES = ["owner", "member"] as const;
export type Role = (typeof ROLES)[number];

export function canManageTeam(role: string): boolean {
  return role === "owner";
}

export type TeamError = "not_found" | "forbidden" | "last_owner" | "already_member" | "invalid_invitation";

export const TEAM_ERROR_MESSAGES: Record<TeamError, string> = {
  not_found: "That member was not found in this account.",
  forbidden: "Only owners of the account can do this.",
  last_owner: "An account needs at least one owner. Make another member an owner first.",
  already_member: "This person is already a member of the account.",
  invalid_invitation: "This invitation link is not valid: it may have expired or been used already.",
};

// The failure of a team change, with its code's fixed message.
export const teamFail = failures(TEAM_ERROR_MESSAGES);
