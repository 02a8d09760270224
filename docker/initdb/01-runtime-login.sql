-- Runs once, when the database volume is first created (docker-entrypoint-initdb.d), as the
-- owner POSTGRES_USER. Least privilege (SPEC §7): the API connects as manuplan_api, a login
-- that is neither superuser, table owner nor BYPASSRLS, and only a member of manuplan_app —
-- the role row-level security is written for. Migrations run as the owner
-- (DATABASE_MIGRATE_URL) and create the tables and grants; manuplan_app is made here first so
-- the login can join it (migration 0001 tolerates it existing).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'manuplan_app') THEN
    CREATE ROLE manuplan_app NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'manuplan_api') THEN
    -- A development password, as POSTGRES_PASSWORD is: set your own outside a laptop.
    CREATE ROLE manuplan_api LOGIN PASSWORD 'manuplan_api' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT IN ROLE manuplan_app;
  END IF;
END $$;
