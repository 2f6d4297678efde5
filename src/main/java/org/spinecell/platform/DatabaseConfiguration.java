package org.spinecell.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Data access wiring. Every transaction runs under the signed-in user's clinic scope; when no
 * {@code spring.datasource.url} is given, SpineCell starts its own PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new ClinicScopedTransactionManager(dataSource);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
	static class Embedded {

		@Bean(destroyMethod = "close")
		EmbeddedPostgresServer embeddedPostgresServer(SpineCellProperties properties) {
			return EmbeddedPostgresServer.start(properties.dataDir());
		}

		/** The application connects as a role that owns nothing, so row-level security applies. */
		@Bean
		@Primary
		DataSource dataSource(EmbeddedPostgresServer server) {
			HikariDataSource dataSource = pool(server, EmbeddedPostgresServer.APP_ROLE);
			dataSource.setPoolName("spinecell-app");
			dataSource.setMaximumPoolSize(10);
			return dataSource;
		}

		/** Migrations run as the schema owner on a small pool of their own. */
		@Bean
		@FlywayDataSource
		DataSource flywayDataSource(EmbeddedPostgresServer server) {
			HikariDataSource dataSource = pool(server, EmbeddedPostgresServer.OWNER_ROLE);
			dataSource.setPoolName("spinecell-owner");
			dataSource.setMaximumPoolSize(2);
			dataSource.setMinimumIdle(0);
			return dataSource;
		}

		private static HikariDataSource pool(EmbeddedPostgresServer server, String role) {
			HikariDataSource dataSource = DataSourceBuilder.create()
				.type(HikariDataSource.class)
				.driverClassName("org.postgresql.Driver")
				.url(server.jdbcUrl())
				.username(role)
				.build();
			// Server error details quote row values (patient data); keep them out of exceptions and logs.
			dataSource.addDataSourceProperty("logServerErrorDetail", "false");
			return dataSource;
		}

	}

}
