// A database connection as the driver gets it: the resolved, allowed address, the TLS options for the typed
// host, and the credentials. Sources (discovery) and destinations build their connections here.
import { isProtectedDatabase, resolveConnectTarget, type Lookup } from "./resolve";
import type { ConnectPolicy } from "./policy";
import { tlsOptions, type TlsOptions } from "./tls";

export type ConnectionSettings = {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  ssl?: string;
  sslrootcert?: string;
};

export type PgEndpoint = { host: string; port: number; database: string; user: string; password?: string; ssl: TlsOptions };
export type EndpointResult = { ok: true; value: PgEndpoint } | { ok: false; message: string };

// Resolve and judge the host, refuse the app's own database, and build the driver's options.
export async function resolveEndpoint(settings: ConnectionSettings, policy: ConnectPolicy, lookup?: Lookup): Promise<EndpointResult> {
  const target = await resolveConnectTarget(settings.host, settings.port, policy, lookup);
  if (!target.ok) return target;
  if (await isProtectedDatabase(target.value, settings.database, policy, lookup)) {
    return { ok: false, message: "could not connect: this server's own database cannot be a source or a destination." };
  }
  return {
    ok: true,
    value: {
      host: target.value.address,
      port: target.value.port,
      database: settings.database,
      user: settings.user,
      password: settings.password,
      ssl: tlsOptions(settings.ssl, settings.host, settings.sslrootcert),
    },
  };
}
