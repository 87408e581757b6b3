// Integration properties: checked against their type, secrets kept apart (sealed) from plain values.
import "server-only";
import type { SealContext, SecretBox } from "../crypto/secret-box";
import type { PropertySpec } from "./integration-types";
import type { Result } from "./result";
import { fail, ok } from "./result";
import { isPlausibleHost } from "./network/resolve";

export type Properties = Record<string, string>;
export type StoredProperties = { properties: string; secrets: string };
// The row secrets belong to: sealed values are bound to it (and to their property name).
export type SecretOwner = Omit<SealContext, "property">;

// Control characters are refused in every property; a PEM certificate may have line breaks.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const PEM_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const MAX_LENGTH = 1024;
const MAX_PEM_LENGTH = 32_768;
// Properties naming a server: a host name or an IP address, never a socket path or a URL.
const HOSTS = ["host", "ssh_host", "encryption_host"];

// Why a value is refused whatever its type says, or null.
function valueProblem(name: string, value: string): string | null {
  const pem = name === "sslrootcert";
  if ((pem ? PEM_CONTROL : CONTROL).test(value)) return "Control characters are not allowed.";
  if (value.length > (pem ? MAX_PEM_LENGTH : MAX_LENGTH)) return `At most ${pem ? MAX_PEM_LENGTH : MAX_LENGTH} characters.`;
  if (HOSTS.includes(name) && value !== "" && !isPlausibleHost(value)) return "A host name or an IP address (not a socket path or a URL).";
  if (pem && value !== "" && !/^\s*-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/.test(value)) return "PEM certificate(s): -----BEGIN CERTIFICATE----- …";
  return null;
}

// Unknown names and malformed values are refused; "" clears an optional property.
export function checkProperties(specs: readonly PropertySpec[], input: Properties): Result<Properties> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    const spec = specs.find((s) => s.name === name);
    const problem = spec ? valueProblem(name, value) : null;
    if (!spec) fields[`properties.${name}`] = `Unknown property. Known: ${specs.map((s) => s.name).join(", ")}.`;
    else if (problem) fields[`properties.${name}`] = problem;
    else if (spec.json_schema.type === "boolean" && value !== "" && value !== "true" && value !== "false") {
      fields[`properties.${name}`] = "true or false.";
    } else if (spec.json_schema.pattern && value !== "" && !new RegExp(spec.json_schema.pattern).test(value)) {
      fields[`properties.${name}`] = spec.json_schema.description;
    } else if (name === "port" && value !== "" && (Number(value) < 1 || Number(value) > 65535)) {
      fields[`properties.${name}`] = spec.json_schema.description;
    }
  }
  return Object.keys(fields).length ? fail("InvalidProperties", "Some properties are invalid; see fields.", fields) : ok(input);
}

const parse = (json: string): Properties => (json ? JSON.parse(json) : {});

// Merge a change into what is stored; each secret value is sealed on its own (bound to its row and name), its name left readable.
export function mergeProperties(
  specs: readonly PropertySpec[],
  stored: StoredProperties,
  change: Properties,
  box: SecretBox,
  owner: SecretOwner,
): StoredProperties {
  const plain = parse(stored.properties);
  const sealed = parse(stored.secrets);
  for (const [name, value] of Object.entries(change)) {
    const secret = specs.find((s) => s.name === name)?.is_credential === true;
    const target = secret ? sealed : plain;
    if (value === "") delete target[name];
    else target[name] = secret ? box.seal(value, { ...owner, property: name }) : value;
  }
  return { properties: JSON.stringify(plain), secrets: JSON.stringify(sealed) };
}

// Every property, secrets opened: only for connecting, never for a response or a log.
export function allProperties(stored: StoredProperties, box: SecretBox, owner: SecretOwner): Properties {
  const opened = Object.entries(parse(stored.secrets)).map(([name, value]) => [name, box.open(value, { ...owner, property: name })]);
  return { ...parse(stored.properties), ...Object.fromEntries(opened) };
}

// The plain properties, as responses show them.
export function publicProperties(stored: StoredProperties): Properties {
  return parse(stored.properties);
}

// Names of the properties that have a value (secrets included, never their values).
export function providedNames(stored: StoredProperties): Set<string> {
  return new Set([...Object.keys(parse(stored.properties)), ...Object.keys(parse(stored.secrets))]);
}

// A change of where or how a credential goes (an identity property: host, port, user, database, TLS) drops the
// stored credentials: each must come again in the same change, else a failure naming the field, nothing changed.
export function requireCredentialsOnIdentityChange(
  specs: readonly PropertySpec[],
  identity: readonly string[],
  stored: StoredProperties,
  change: Properties,
): Result<Properties> {
  const plain = parse(stored.properties);
  const sealed = parse(stored.secrets);
  const current = (name: string) => plain[name] ?? specs.find((s) => s.name === name)?.default ?? "";
  const changed = identity.filter((name) => name in change && change[name] !== current(name) && !(change[name] === "" && current(name) === ""));
  if (!changed.length) return ok(change);
  const fields: Record<string, string> = {};
  for (const spec of specs.filter((s) => s.is_credential && s.name in sealed && !change[s.name])) {
    fields[`properties.${spec.name}`] = `Give the ${spec.label.toLowerCase()} again: ${changed.join(", ")} changed, so the stored one is not used.`;
  }
  return Object.keys(fields).length ? fail("InvalidProperties", "The connection changed; give its credentials again.", fields) : ok(change);
}

// Every sealed value re-sealed with the box's current key (for key rotation); null when none was stale.
export function resealSecrets(stored: StoredProperties, box: SecretBox, owner: SecretOwner): string | null {
  const sealed = parse(stored.secrets);
  const stale = Object.entries(sealed).filter(([, value]) => box.isStale(value));
  if (!stale.length) return null;
  for (const [name, value] of stale) sealed[name] = box.seal(box.open(value, { ...owner, property: name }), { ...owner, property: name });
  return JSON.stringify(sealed);
}

// A change split into its plain values and its secrets.
export function splitSecrets(specs: readonly PropertySpec[], change: Properties): { plain: Properties; secret: Properties } {
  const plain: Properties = {};
  const secret: Properties = {};
  for (const [name, value] of Object.entries(change)) (specs.find((s) => s.name === name)?.is_credential ? secret : plain)[name] = value;
  return { plain, secret };
}

// Names of the properties a change really changes (every secret given counts: its value is never compared).
export function changedPropertyNames(specs: readonly PropertySpec[], stored: StoredProperties, change: Properties): string[] {
  const plain = parse(stored.properties);
  const sealed = parse(stored.secrets);
  return Object.entries(change)
    .filter(([name, value]) => {
      if (specs.find((s) => s.name === name)?.is_credential) return value !== "" || name in sealed;
      return (plain[name] ?? "") !== value;
    })
    .map(([name]) => name);
}

// ssh=true is stored and echoed, but tunnels are not built yet: checks and jobs refuse such a source with this.
export const SSH_TUNNEL_REFUSAL = "SSH tunnels are not available yet (ssh is true): the connection was not tried. Set ssh to false to connect directly.";
