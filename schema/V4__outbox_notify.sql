-- Wakes the outbox relay as soon as a write commits (NOTIFY is delivered at commit, once per
-- transaction however many rows it inserted), so a change does not wait for the relay's next poll.
CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();
