-- The production database roles. Run once as the role that owns the schema and runs
-- `prisma migrate deploy` (the "owner"), and again after a release that adds tables:
--   psql "$OWNER_DATABASE_URL" -f prisma/production-roles.sql
--   psql "$OWNER_DATABASE_URL" -c "ALTER ROLE jiebang_app PASSWORD '<a long random secret>'"
-- The web servers and workers then connect as jiebang_app. That role reads and writes the app's
-- tables but owns none of them, so it cannot ALTER, DROP or TRUNCATE anything, and it may only
-- INSERT into the audit log: the append-only trigger stays in force and cannot be dropped by it.

DO $$
BEGIN
  CREATE ROLE jiebang_app LOGIN;
EXCEPTION WHEN duplicate_object THEN
  NULL;
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO jiebang_app', current_database());
END
$$;

GRANT USAGE ON SCHEMA public TO jiebang_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO jiebang_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO jiebang_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO jiebang_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO jiebang_app;

-- The audit log: append and read only.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM jiebang_app;
-- Migration history belongs to the owner.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM jiebang_app;

-- pg-boss (jobs: mail, index sync, deadlines) keeps its own schema and creates tables in it as
-- queues are added, which needs ownership: the app role owns that schema and what is in it, and
-- nothing else. (A schema created earlier by the owner is handed over.)
CREATE SCHEMA IF NOT EXISTS pgboss AUTHORIZATION jiebang_app;
DO $$
DECLARE
  object record;
BEGIN
  EXECUTE 'ALTER SCHEMA pgboss OWNER TO jiebang_app';
  FOR object IN
    SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'S', 'v')
  LOOP
    EXECUTE format(
      'ALTER %s pgboss.%I OWNER TO jiebang_app',
      CASE object.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
      object.relname
    );
  END LOOP;
  FOR object IN
    SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pgboss'
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO jiebang_app', object.signature);
  END LOOP;
  FOR object IN
    SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'pgboss' AND t.typtype = 'e'
  LOOP
    EXECUTE format('ALTER TYPE pgboss.%I OWNER TO jiebang_app', object.typname);
  END LOOP;
END
$$;
