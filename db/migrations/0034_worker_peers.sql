-- Workers tell each other of a platform's "slow down" directly, by a signed datagram, besides the
-- NOTIFY through the database (src/engine/peer-pauses.ts, issue 20 point 2): `peer` is where a
-- worker listens (host:port), and the key signs the datagrams. One key per database, made by the
-- first worker that needs it (random bytes from Node's crypto, not from SQL).
ALTER TABLE workers ADD COLUMN peer text;
CREATE TABLE worker_peer_key (
  id int PRIMARY KEY CHECK (id = 1),
  key text NOT NULL
);
