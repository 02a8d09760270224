import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Database } from './database';

/** How the runtime login stands against SPEC §7 (neither superuser, table owner nor BYPASSRLS; member of manuplan_app). */
export interface LoginPrivileges {
  login: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Owns (or inherits the owner of) a table of the public schema: row-level security can then be switched off by it. */
  tableOwner: boolean;
  memberOfApp: boolean;
}

/** What PostgreSQL says of the login the pool connects as. */
export async function loginPrivileges(pool: Pool): Promise<LoginPrivileges> {
  const { rows } = await pool.query<{ login: string; superuser: boolean; bypass_rls: boolean; table_owner: boolean; member_of_app: boolean }>(
    `select current_user as login, r.rolsuper as superuser, r.rolbypassrls as bypass_rls,
            exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_has_role(current_user, c.relowner, 'USAGE')) as table_owner,
            case when exists (select 1 from pg_roles where rolname = 'manuplan_app')
                 then pg_has_role(current_user, 'manuplan_app', 'MEMBER') else false end as member_of_app
     from pg_roles r where r.rolname = current_user`,
  );
  const row = rows[0]!;
  return { login: row.login, superuser: row.superuser, bypassRls: row.bypass_rls, tableOwner: row.table_owner, memberOfApp: row.member_of_app };
}

/** Each way the login breaks least privilege, as a sentence for the operator; empty when it is as SPEC §7 asks. */
export function privilegeRisks(p: LoginPrivileges): string[] {
  const risks: string[] = [];
  if (p.superuser) risks.push('is a superuser');
  if (p.bypassRls) risks.push('has BYPASSRLS');
  if (p.tableOwner) risks.push('owns the tables');
  if (!p.memberOfApp) risks.push('is not a member of manuplan_app');
  return risks;
}

/** Warns at start when the runtime login can do more than it should (it still runs: a single-login setup is allowed). */
export async function warnIfOverPrivileged(database: Database, logger: Logger): Promise<string[]> {
  const privileges = await database.loginPrivileges?.();
  const risks = privileges ? privilegeRisks(privileges) : [];
  if (privileges && risks.length > 0) {
    logger.warn(
      { login: privileges.login, risks },
      `the database login ${risks.join(', ')}: row-level security is then one mistake away from not applying. ` +
        'Run with DATABASE_URL as a login that is neither superuser, table owner nor BYPASSRLS and is a member of manuplan_app, ' +
        'and DATABASE_MIGRATE_URL as the owner (see docker-compose.yml and docs/security.md)',
    );
  }
  return risks;
}
