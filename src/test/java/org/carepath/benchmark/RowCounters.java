package org.carepath.benchmark;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's own counters for one database, needing nothing installed: transactions committed, and over its tables
 * the rows inserted, updated and deleted and the scans started (sequential + index; about one per statement that reads
 * or changes rows by a condition), split into the engine's history tables ({@code act_hi_*}), its runtime tables
 * ({@code act_ru_*}) and the rest (CarePath's own tables, the engine's repository and byte arrays).
 * <p>
 * A backend reports its counters when it goes idle, at most every 10 seconds, and when it ends: take a snapshot only
 * after the work's connections have been idle that long or have closed.
 */
record RowCounters(long commits, long scans, long historyWritten, long runtimeWritten, long otherWritten, long inserted,
                   long updated, long deleted, long jpaStatements, long jpaQueries) {

    static RowCounters of(Connection connection) throws SQLException {
        return of(connection, null);
    }

    /**
     * With Hibernate's statistics (when given): the JDBC statements Hibernate prepared (CarePath's own records; the
     * engine's MyBatis statements are not counted) and the JPQL/HQL queries it ran. Those count at once, in this JVM.
     */
    static RowCounters of(Connection connection, org.hibernate.stat.Statistics jpa) throws SQLException {
        var statements = jpa == null ? 0 : jpa.getPrepareStatementCount();
        var queries = jpa == null ? 0 : jpa.getQueryExecutionCount();
        try (var statement = connection.createStatement()) {
            statement.execute("select pg_stat_clear_snapshot()");
            long commits;
            try (var rows = statement.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
                rows.next();
                commits = rows.getLong(1);
            }
            try (var rows = statement.executeQuery("""
                    select coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0),
                           coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del) filter (where relname like 'act\\_hi\\_%'), 0),
                           coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del) filter (where relname like 'act\\_ru\\_%'), 0),
                           coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del) filter (where relname not like 'act\\_hi\\_%'
                                                                                 and relname not like 'act\\_ru\\_%'), 0),
                           coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_del), 0)
                    from pg_stat_user_tables where schemaname = current_schema()""")) {
                rows.next();
                return new RowCounters(commits, rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                        rows.getLong(6), rows.getLong(7), statements, queries);
            }
        }
    }

    RowCounters minus(RowCounters before) {
        return new RowCounters(commits - before.commits, scans - before.scans, historyWritten - before.historyWritten,
                runtimeWritten - before.runtimeWritten, otherWritten - before.otherWritten, inserted - before.inserted,
                updated - before.updated, deleted - before.deleted, jpaStatements - before.jpaStatements, jpaQueries - before.jpaQueries);
    }

    RowCounters plus(RowCounters other) {
        return new RowCounters(commits + other.commits, scans + other.scans, historyWritten + other.historyWritten,
                runtimeWritten + other.runtimeWritten, otherWritten + other.otherWritten, inserted + other.inserted,
                updated + other.updated, deleted + other.deleted, jpaStatements + other.jpaStatements, jpaQueries + other.jpaQueries);
    }

    long written() {
        return inserted + updated + deleted;
    }
}
