package org.ecoplan.common.testing;

import com.mongodb.ConnectionString;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @Import} it into a {@code @SpringBootTest} to give the context a fresh MongoDB database: on the server
 * named by the environment variable {@code MONGODB_URI} if set (database {@code ecoplan_test_<random>}, dropped
 * when the context closes), else on an in-memory embedded server on a free port. It replaces
 * {@code spring.mongodb.uri}; leave {@code spring.mongodb.database} unset, as Boot would prefer it.
 */
@Configuration(proxyBeanMethods = false)
public class MongoTestConfiguration {

    @Bean
    MongoConnectionDetails ecoplanTestMongoConnectionDetails() {
        return new TestMongoConnectionDetails(TestMongoDatabase.create());
    }

    private static final class TestMongoConnectionDetails implements MongoConnectionDetails, DisposableBean {

        private final TestMongoDatabase database;

        private final ConnectionString connectionString;

        TestMongoConnectionDetails(TestMongoDatabase database) {
            this.database = database;
            this.connectionString = new ConnectionString(database.connectionString());
        }

        @Override
        public ConnectionString getConnectionString() {
            return connectionString;
        }

        @Override
        public void destroy() {
            database.close();
        }
    }
}
