-- What the bootstrap file has seeded: an entry seeded once is never seeded again, so a client or user that an
-- operator changed or deleted through the admin API stays as the operator left it.
CREATE TABLE jb_bootstrap_seed (kind VARCHAR(16) NOT NULL, name VARCHAR(255) NOT NULL, seeded_at BIGINT NOT NULL, PRIMARY KEY (kind, name));
-- A database that an earlier release filled from the file: what is there now was seeded then.
INSERT INTO jb_bootstrap_seed (kind, name, seeded_at) SELECT 'client', client_id, 0 FROM jb_client;
INSERT INTO jb_bootstrap_seed (kind, name, seeded_at) SELECT 'user', user_name, 0 FROM jb_user;
