package dev.jinaclip.rag.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL with the pgvector extension for one test class (register it with {@code @RegisterExtension}
 * on a static field): Testcontainers' {@value #IMAGE} where a Docker engine runs, else PGlite, PostgreSQL compiled
 * to WebAssembly, through the {@code pglite-server} named by the environment variable {@value #PGLITE_SERVER}
 * (which .ci/run installs and sets). With neither the class is skipped, saying why on the console, except under
 * {@code CI=true}, where that fails it. Logs which database the tests run on, with the versions the database
 * reports.
 */
final class PgVectorDatabase implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    /** The environment variable that names the pglite-server executable. */
    static final String PGLITE_SERVER = "PGLITE_SERVER";

    static final String IMAGE = "pgvector/pgvector:pg17";

    static final String UNAVAILABLE = "No PostgreSQL with pgvector to test on: Testcontainers finds no Docker engine,"
            + " and " + PGLITE_SERVER + " is not set. '.ci/run --install-only' installs PGlite (Node.js and npm"
            + " needed) and prints the " + PGLITE_SERVER + " to set.";

    private static final Logger log = LoggerFactory.getLogger(PgVectorDatabase.class);

    private Kind kind;
    private Endpoint endpoint;

    private enum Kind { DOCKER, PGLITE, NONE }

    /** Where the app's connections go, and what stops the database. */
    private record Endpoint(String name, String jdbcUrl, String username, String password, boolean singleSession,
            AutoCloseable database) {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (kind() != Kind.NONE) {
            return ConditionEvaluationResult.enabled("on " + kind());
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(UNAVAILABLE + " CI=true, so this is a failure instead of a skip.");
        }
        // Surefire shows neither a test's output (it goes to a file) nor JUnit's reason for a skip on the console.
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)
                .println("[WARNING] " + context.getDisplayName() + " skipped: " + UNAVAILABLE);
        return ConditionEvaluationResult.disabled(UNAVAILABLE);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        endpoint = kind() == Kind.DOCKER ? container() : pglite();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT version(), (SELECT default_version"
                        + " FROM pg_available_extensions WHERE name = 'vector')")) {
            row.next();
            if (row.getString(2) == null) {
                throw new IllegalStateException(endpoint.name() + " offers no pgvector extension: " + row.getString(1));
            }
            log.info("{} runs on {}: {}, pgvector {}", context.getDisplayName(), endpoint.name(), row.getString(1),
                    row.getString(2));
        } catch (SQLException | RuntimeException e) {
            endpoint.database().close();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (endpoint != null) {
            endpoint.database().close();
        }
    }

    /**
     * The app's command-line arguments that point {@code spring.datasource} at this database: they take precedence
     * over application-pgvector.properties, as they do for users.
     */
    List<String> springArguments() {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + endpoint.jdbcUrl(),
                "--spring.datasource.username=" + endpoint.username(),
                "--spring.datasource.password=" + endpoint.password()));
        if (endpoint.singleSession()) {
            // PGlite is single-user PostgreSQL: pglite-server queues the messages of all its connections into one
            // session. More connections bring no parallelism, only shared session state, so the pool holds one.
            arguments.add("--spring.datasource.hikari.maximum-pool-size=1");
        }
        return arguments;
    }

    private Kind kind() {
        if (kind == null) {
            String pglite = System.getenv(PGLITE_SERVER);
            kind = DockerClientFactory.instance().isDockerAvailable() ? Kind.DOCKER
                    : pglite != null && !pglite.isBlank() ? Kind.PGLITE : Kind.NONE;
        }
        return kind;
    }

    private static Endpoint container() {
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
        container.start();
        return new Endpoint("Testcontainers (Docker, " + IMAGE + ")", container.getJdbcUrl(),
                container.getUsername(), container.getPassword(), false, container::stop);
    }

    private static Endpoint pglite() throws Exception {
        Path executable = Path.of(System.getenv(PGLITE_SERVER));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(PGLITE_SERVER + "=" + executable + " is not an executable file: run"
                    + " '.ci/run --install-only', or unset " + PGLITE_SERVER + " to skip this test.");
        }
        PgliteServer server = PgliteServer.start(executable, Path.of("target", "pglite-server.log"));
        log.info("pglite-server listens after {} ms", server.startup().toMillis());
        // Unnamed statements only: the driver's named server-side statements (S_1, ...) would outlive their
        // connection in PGlite's one session and collide with the next connection's ("S_1 already exists").
        return new Endpoint("PGlite (" + executable + ")", server.jdbcUrl("prepareThreshold=0"), "postgres",
                "postgres", true, server);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(), endpoint.password());
    }
}
