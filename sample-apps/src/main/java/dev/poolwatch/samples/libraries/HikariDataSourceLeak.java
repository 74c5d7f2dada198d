package dev.poolwatch.samples.libraries;

import java.sql.Connection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Leaks a HikariCP data source over an in-memory H2 database: its connections and the pools Hikari
 * keeps for housekeeping and for adding connections live on. One leak: the data source.
 */
public final class HikariDataSourceLeak {

    private HikariDataSourceLeak() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:leak");
        config.setMaximumPoolSize(2);
        HikariDataSource dataSource = new HikariDataSource(config);
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("select 1");
        }
        System.exit(0);
    }
}
