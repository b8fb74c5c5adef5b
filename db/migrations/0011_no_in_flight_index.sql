-- The index of in-flight deliveries by worker is gone. Every claim added an entry and every
-- recorded outcome left it dead, all under the same key (the worker's id) until a vacuum; the
-- planner liked it for the outcome UPDATE (`claimed_by = $worker`) and so walked every dead entry
-- of the run each time: at 1M recipients an outcome batch took 39 ms instead of 2.
-- Recovery, the only other reader, now runs only when a worker is found dead, and looks for that
-- worker's rows (src/engine/sql/workers.ts); outcome batches find their rows by id.
DROP INDEX deliveries_in_flight_idx;
