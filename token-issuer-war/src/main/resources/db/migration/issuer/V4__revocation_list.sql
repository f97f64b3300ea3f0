-- The revocation list the resource servers fetch: when each token was revoked, so that they can ask for the changes
-- since their last fetch (rows revoked before this migration count as revoked at 0 and reach them in their first,
-- complete fetch), and the instants before which the tokens of a deactivated or deleted client or user are refused.
ALTER TABLE jb_revoked_token ADD COLUMN revoked_at BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX ix_revoked_token_revoked_at ON jb_revoked_token (revoked_at);
-- subject_key is kind ':' subject ('client:<client_id>', 'user:<sys_id>'); kind and subject are what is published.
CREATE TABLE jb_token_not_before (subject_key VARCHAR(300) NOT NULL, kind VARCHAR(8) NOT NULL, subject VARCHAR(255) NOT NULL, not_before BIGINT NOT NULL, expires_at BIGINT NOT NULL, changed_at BIGINT NOT NULL, PRIMARY KEY (subject_key));
CREATE INDEX ix_token_not_before_changed ON jb_token_not_before (changed_at);
CREATE INDEX ix_token_not_before_expiry ON jb_token_not_before (expires_at);
