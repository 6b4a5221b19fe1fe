package org.ecoplan.common.testing;

import com.mongodb.ConnectionString;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A MongoDB database for tests that run without Spring, one per test class (shared by its {@code @Nested}
 * classes), dropped afterwards. Like {@link MongoTestConfiguration} it uses the server in {@code MONGODB_URI}
 * when that is set and an in-memory embedded server otherwise. Either declare
 * {@code @ExtendWith(EmbeddedMongoExtension.class)} and take a {@link ConnectionString} parameter, or
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedMongoExtension MONGO = new EmbeddedMongoExtension();
 * ... MongoClients.create(MONGO.connectionString()) ...
 * }</pre>
 */
public class EmbeddedMongoExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
        .create(EmbeddedMongoExtension.class);

    private volatile TestMongoDatabase current;

    @Override
    public void beforeAll(ExtensionContext context) {
        current = database(context);
    }

    /** {@code mongodb://host:port/ecoplan_test_<random>} of the running test class. */
    public String connectionString() {
        return running().connectionString();
    }

    /** The name of the running test class's database. */
    public String databaseName() {
        return running().database();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConnectionString.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new ConnectionString(database(context).connectionString());
    }

    /** Kept in JUnit's store, which closes it (dropping the database) when the owning class is done. */
    private static TestMongoDatabase database(ExtensionContext context) {
        return context.getStore(NAMESPACE)
            .computeIfAbsent(TestMongoDatabase.class, key -> TestMongoDatabase.create(), TestMongoDatabase.class);
    }

    private TestMongoDatabase running() {
        TestMongoDatabase database = current;
        if (database == null) {
            throw new IllegalStateException(
                    "No test class is running: register EmbeddedMongoExtension on a static field");
        }
        return database;
    }
}
