CREATE TABLE t_second (id BIGINT NOT NULL);
INSERT INTO no_such_table VALUES (1);
