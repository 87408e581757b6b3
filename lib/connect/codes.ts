// The failure codes of the Connect domain: they are the API's error types (lib/http gives each its status).
export type ConnectCode = "NotFound" | "InvalidProperties" | "InvalidBody" | "Conflict";
