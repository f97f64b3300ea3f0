-- The used jtis keyed by what the replay check inserts and looks up, (client, jti hash), instead of by a surrogate
-- id beside a unique key: every token request writes one index less.
CREATE TABLE jb_used_jti (client_id VARCHAR(255) NOT NULL, jti_hash VARCHAR(64) NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (client_id, jti_hash));
CREATE INDEX ix_used_jti_expiry ON jb_used_jti (expires_at);
INSERT INTO jb_used_jti (client_id, jti_hash, expires_at) SELECT client_id, jti_hash, expires_at FROM jb_used_assertion;
DROP TABLE jb_used_assertion;
