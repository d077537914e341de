package org.lrms.testkit;

/** A PostgreSQL server for tests, wherever it runs. */
public interface TestPostgres {
    String jdbcUrl(String database);

    String username();

    String password();

    void createDatabase(String database);
}
