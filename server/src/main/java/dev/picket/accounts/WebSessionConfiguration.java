package dev.picket.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Web sessions live in the database (Spring Session JDBC; the tables are Flyway's, V10), so they
 * survive restarts and every instance on the database honours them. Each instance also deletes
 * expired sessions once a minute: the deletes of several instances overlap harmlessly.
 */
@Configuration(proxyBeanMethods = false)
class WebSessionConfiguration {

    /**
     * Two requests of one browser at once may save the same attribute (a new CSRF token, say): the
     * attribute insert becomes an upsert, so the second does not fail on the primary key. The
     * customizer is named after PostgreSQL, but its {@code INSERT … ON CONFLICT … DO UPDATE} is
     * also SQLite's (3.24 and later).
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
