package dev.poolwatch.samples.libraries;

import java.sql.Connection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Closes its HikariCP data source, with try-with-resources: nothing leaks. */
public final class HikariDataSourceClean {

    private HikariDataSourceClean() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:clean");
        config.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(config);
                Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("select 1");
        }
    }
}
