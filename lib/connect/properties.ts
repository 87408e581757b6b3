// Integration properties: checked against their type, secrets kept apart (sealed) from plain values.
import type { SecretBox } from "../crypto/secret-box";
import type { PropertySpec } from "./integration-types";
import { fail, ok, type Result } from "../result";
import type { ConnectCode } from "./codes";

export type Properties = Record<string, string>;
export type StoredProperties = { properties: string; secrets: string };

// Unknown names and malformed values are refused; "" clears an optional property.
export function checkProperties(specs: readonly PropertySpec[], input: Properties): Result<Properties, ConnectCode> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    const spec = specs.find((s) => s.name === name);
    if (!spec) fields[`properties.${name}`] = `Unknown property. Known: ${specs.map((s) => s.name).join(", ")}.`;
    else if (spec.json_schema.pattern && value !== "" && !new RegExp(spec.json_schema.pattern).test(value)) {
      fields[`properties.${name}`] = spec.json_schema.description;
    } else if (name === "port" && value !== "" && (Number(value) < 1 || Number(value) > 65535)) {
      fields[`properties.${name}`] = spec.json_schema.description;
    }
  }
  return Object.keys(fields).length ? fail("InvalidProperties", "Some properties are invalid; see fields.", fields) : ok(input);
}

const parse = (json: string): Properties => (json ? JSON.parse(json) : {});

// Merge a change into what is stored; each secret value is sealed on its own, its name left readable.
export function mergeProperties(specs: readonly PropertySpec[], stored: StoredProperties, change: Properties, box: SecretBox): StoredProperties {
  const plain = parse(stored.properties);
  const sealed = parse(stored.secrets);
  for (const [name, value] of Object.entries(change)) {
    const secret = specs.find((s) => s.name === name)?.is_credential === true;
    const target = secret ? sealed : plain;
    if (value === "") delete target[name];
    else target[name] = secret ? box.seal(value) : value;
  }
  return { properties: JSON.stringify(plain), secrets: JSON.stringify(sealed) };
}

// Every property, secrets opened: only for connecting, never for a response or a log.
export function allProperties(stored: StoredProperties, box: SecretBox): Properties {
  const opened = Object.entries(parse(stored.secrets)).map(([name, value]) => [name, box.open(value)]);
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
