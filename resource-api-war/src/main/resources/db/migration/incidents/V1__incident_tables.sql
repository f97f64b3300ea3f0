-- The incident tables as the releases before versioned migrations made them. CREATE ... IF NOT EXISTS lets this
-- first migration adopt such a database as it is; later changes are new numbered files, never edits of this one.
-- Portable SQL: H2 2.x and PostgreSQL 10+ run it as is.
CREATE SEQUENCE IF NOT EXISTS jb_incident_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE IF NOT EXISTS jb_incident (seq BIGINT NOT NULL, sys_id VARCHAR(32) NOT NULL UNIQUE, number VARCHAR(40) UNIQUE, short_description VARCHAR(160), description VARCHAR(4000), state INTEGER NOT NULL, impact INTEGER NOT NULL, urgency INTEGER NOT NULL, priority INTEGER NOT NULL, category VARCHAR(40), caller_id VARCHAR(255), assigned_to VARCHAR(255), active BOOLEAN NOT NULL, opened_at TIMESTAMP(6) WITH TIME ZONE, resolved_at TIMESTAMP(6) WITH TIME ZONE, closed_at TIMESTAMP(6) WITH TIME ZONE, sys_created_on TIMESTAMP(6) WITH TIME ZONE NOT NULL, sys_created_by VARCHAR(255) NOT NULL, sys_updated_on TIMESTAMP(6) WITH TIME ZONE NOT NULL, sys_updated_by VARCHAR(255) NOT NULL, sys_mod_count BIGINT NOT NULL, row_version BIGINT NOT NULL, PRIMARY KEY (seq));
CREATE INDEX IF NOT EXISTS ix_incident_caller ON jb_incident (caller_id);
CREATE TABLE IF NOT EXISTS jb_sys_user (user_name VARCHAR(255) NOT NULL, sys_id VARCHAR(32), name VARCHAR(255), sys_updated_on TIMESTAMP(6) WITH TIME ZONE NOT NULL, PRIMARY KEY (user_name));
