import { z } from 'zod';
import { SCOPES } from '../lib/api-key-token';
import type { Services } from '../container';
import { badRequest } from '../errors';
import { toFieldErrors } from '../lib/field-errors';
import { table, type CliIo } from './output';

export interface CommandContext {
  services: Services;
  io: CliIo;
  args: string[];
  flags: Record<string, string | boolean | undefined>;
}

export const flagString = (flags: CommandContext['flags'], name: string): string | undefined =>
  typeof flags[name] === 'string' ? (flags[name] as string) : undefined;

export function required(flags: CommandContext['flags'], name: string): string {
  const value = flagString(flags, name);
  if (!value) throw badRequest(`--${name} is required.`);
  return value;
}

const UuidArg = z.uuid();

export function clinicFlag(flags: CommandContext['flags']): string {
  const parsed = UuidArg.safeParse(required(flags, 'clinic'));
  if (!parsed.success) throw badRequest('--clinic must be a clinic id (UUID).', toFieldErrors(parsed.error.issues));
  return parsed.data;
}

function parseScopes(value: string): (typeof SCOPES)[number][] {
  const scopes = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const parsed = z.array(z.enum(SCOPES)).min(1).safeParse(scopes);
  if (!parsed.success) throw badRequest(`--scopes must be a comma-separated list of ${SCOPES.join(', ')}.`);
  return parsed.data;
}

/** `clinic create --name <name> [--json]`: a clinic and its first admin key. */
export async function clinicCreate({ services, io, flags }: CommandContext): Promise<void> {
  const name = required(flags, 'name').trim();
  if (name.length === 0 || name.length > 200) throw badRequest('--name must be 1 to 200 characters.');
  const { clinic, apiKey, secret } = await services.clinics.create(name);
  if (flags.json) {
    io.out(JSON.stringify({ clinic, apiKey: secret, apiKeyId: apiKey.id }));
  } else {
    io.out(`Clinic ${clinic.name} created: ${clinic.id}`);
    io.out(`Admin API key (shown once, store it now): ${secret}`);
  }
}

/** `key create --clinic <id> --scopes read,write [--name <name>] [--json]`. */
export async function keyCreate({ services, io, flags }: CommandContext): Promise<void> {
  const clinicId = clinicFlag(flags);
  await services.clinics.get(clinicId);
  const scopes = parseScopes(required(flags, 'scopes'));
  const name = flagString(flags, 'name') ?? `cli key (${scopes.join(',')})`;
  const { apiKey, secret } = await services.apiKeys.create(clinicId, { name, scopes });
  // The same shape as `clinic create --json`: the secret under "apiKey", its id under "apiKeyId".
  if (flags.json) io.out(JSON.stringify({ key: apiKey, apiKey: secret, apiKeyId: apiKey.id }));
  else io.out(`API key ${apiKey.id} (${apiKey.scopes.join(',')}) created.\nKey (shown once, store it now): ${secret}`);
}

/** `key list --clinic <id> [--json]`: every key of the clinic, never a secret. */
export async function keyList({ services, io, flags }: CommandContext): Promise<void> {
  const clinicId = clinicFlag(flags);
  await services.clinics.get(clinicId);
  const keys = [];
  let cursor: string | undefined;
  do {
    const page = await services.apiKeys.list(clinicId, { limit: 200, cursor });
    keys.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (flags.json) {
    io.out(JSON.stringify({ data: keys }));
    return;
  }
  io.out(table(keys.map((k) => ({ id: k.id, prefix: k.prefix, name: k.name, scopes: k.scopes.join(','), created: k.createdAt, revoked: k.revokedAt ?? '' }))));
}

/** `key revoke <keyId> [--json]`: the key stops working on its next request. */
export async function keyRevoke({ services, io, args, flags }: CommandContext): Promise<void> {
  const parsed = UuidArg.safeParse(args[0]);
  if (!parsed.success) throw badRequest('Usage: manuplan key revoke <keyId> (a UUID).');
  const apiKey = await services.apiKeys.revokeAnyClinic(parsed.data);
  if (flags.json) io.out(JSON.stringify({ apiKey }));
  else io.out(`API key ${apiKey.id} revoked at ${apiKey.revokedAt}.`);
}

/** `migrate`: the migrations already ran when the services started; say so. */
export async function migrate({ services, io }: CommandContext): Promise<void> {
  io.out(`Migrations applied (${services.database.kind}).`);
}
