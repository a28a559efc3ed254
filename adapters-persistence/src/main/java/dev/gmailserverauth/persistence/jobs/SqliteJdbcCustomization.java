package dev.gmailserverauth.persistence.jobs;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/**
 * db-scheduler on SQLite, which the library does not detect: instants written in UTC (SQLite has no time zone
 * type), and {@code LIMIT} for the due-jobs query. SQLite has no {@code SKIP LOCKED}, so the scheduler polls
 * with fetch-then-lock (an optimistic update per job), which is all one SQLite file with one writer needs.
 */
final class SqliteJdbcCustomization extends DefaultJdbcCustomization {
    SqliteJdbcCustomization() {
        super(true);
    }

    @Override
    public String getName() {
        return "SQLite";
    }

    @Override
    public boolean supportsExplicitQueryLimitPart() {
        return true;
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }
}
