-- Instances remember the API keys they checked (API_KEY_CACHE_TTL_MS). A revoked, changed or
-- deleted key is announced on this channel, whichever process or statement made the change, so
-- every instance listening forgets it at once instead of within the TTL.
CREATE FUNCTION manuplan_announce_api_key_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('manuplan_api_key_changed', OLD.prefix);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER api_keys_announce_change
AFTER UPDATE OR DELETE ON api_keys
FOR EACH ROW EXECUTE FUNCTION manuplan_announce_api_key_change();
