-- rate_limits is a tenant table like every other: the application role reaches only the rows
-- of the clinic it has set. The bucket is charged while the API key is being authenticated,
-- before the clinic is set, so the key holder may also reach the row of its own key (found
-- through the same key-prefix visibility that authentication uses on api_keys).
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO manuplan_app;
--> statement-breakpoint
ALTER TABLE rate_limits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rate_limits FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY clinic_isolation ON rate_limits TO manuplan_app
  USING (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid)
  WITH CHECK (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY key_holder ON rate_limits TO manuplan_app
  USING ((clinic_id, key_id) IN (SELECT k.clinic_id, k.id FROM api_keys k WHERE k.prefix = NULLIF(current_setting('app.key_prefix', true), '')))
  WITH CHECK ((clinic_id, key_id) IN (SELECT k.clinic_id, k.id FROM api_keys k WHERE k.prefix = NULLIF(current_setting('app.key_prefix', true), '')));
