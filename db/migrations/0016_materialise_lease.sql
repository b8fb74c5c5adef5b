-- One worker materialises a run at a time: the one holding its lease, renewed with every chunk.
-- The row lock that picks a run lasts only for its first transaction, so without a lease every
-- worker that ticked meanwhile took the same run and inserted the same chunk (a duplicate-key
-- error, and dead rows). A lease that runs out (its worker died) lets another worker resume from
-- the lane's cursor, which each chunk re-reads under the lane's lock.
ALTER TABLE runs ADD COLUMN materialise_lease_until timestamptz;
