// Where a hook's signing secret is sealed: bound to its row like every other sealed secret.
import "server-only";
import type { SealContext } from "../crypto/secret-box";

export const hookSecretContext = (id: number): SealContext => ({ table: "NotificationHook", id, property: "secret" });
