-- Roles (issue 15 point 8): what a member or an API key may do in its workspace, from least to
-- most: viewer (reads), editor (also sends and edits content), admin (also bots, channels, keys,
-- members), owner (also other owners). Members who existed before roles keep every right they had
-- (owner); keys made before roles become admin. New members and keys name their role explicitly.
ALTER TABLE members ADD COLUMN role text NOT NULL DEFAULT 'owner' CHECK (role IN ('owner', 'admin', 'editor', 'viewer'));
ALTER TABLE members ALTER COLUMN role SET DEFAULT 'viewer';
ALTER TABLE api_keys ADD COLUMN role text NOT NULL DEFAULT 'admin' CHECK (role IN ('owner', 'admin', 'editor', 'viewer'));
ALTER TABLE api_keys ALTER COLUMN role SET DEFAULT 'viewer';

-- A session is listed and revoked by a number, never by its token (only the hash is stored).
ALTER TABLE sessions ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX sessions_id_key ON sessions (id);
CREATE INDEX sessions_member_idx ON sessions (member_id);
