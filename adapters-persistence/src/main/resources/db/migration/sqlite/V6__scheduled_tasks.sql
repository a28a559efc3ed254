-- Schema 6 for SQLite: the job table of db-scheduler (com.github.kagkarlsson:db-scheduler), which runs the
-- background sync. Its columns are the library's; instants are written by the library in UTC.
-- Not STRICT: the library binds timestamps and booleans with JDBC's own types.
CREATE TABLE scheduled_tasks (
    task_name            TEXT      NOT NULL,
    task_instance        TEXT      NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP NOT NULL,
    picked               BOOLEAN   NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP,
    last_failure         TIMESTAMP,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP,
    version              INTEGER   NOT NULL,
    priority             INTEGER,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
