-- Materialisation wrote 1M delivery rows in 11 s, against 3 s for a bare INSERT … SELECT: most of
-- the difference was the foreign key to runs, checked row by row (a key-share lock on the same run
-- row, 100k times per 100k recipients). The key is replaced by what it was for: deleting a run
-- (retention, or a bot's deletion cascading to its sends and runs) deletes its deliveries, once
-- per statement. Deliveries are only ever inserted by the engine, for a run it has just read.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_run_id_fkey;

CREATE FUNCTION runs_delete_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM deliveries d USING gone g WHERE d.run_id = g.id;
  RETURN NULL;
END $$;

CREATE TRIGGER runs_delete_deliveries AFTER DELETE ON runs
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION runs_delete_deliveries();
