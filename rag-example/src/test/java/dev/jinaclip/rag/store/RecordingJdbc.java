package dev.jinaclip.rag.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A JDBC {@link DataSource} without a database: it records every SQL statement and its parameters, and answers
 * queries with scripted rows. It lets a test run langchain4j-pgvector's real code (SQL building, metadata JSON,
 * result mapping) where no PostgreSQL runs; it checks nothing about PostgreSQL itself.
 */
final class RecordingJdbc {

    /** One statement: its SQL and the parameters set on it, in order. */
    record Executed(String sql, List<Object> parameters) {
    }

    final List<Executed> executed = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> rows = new ArrayList<>();

    DataSource dataSource() {
        return proxy(DataSource.class, (proxy, method, args) -> switch (method.getName()) {
            case "getConnection" -> connection();
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private Connection connection() {
        PGConnection pg = proxy(PGConnection.class, (proxy, method, args) -> null); // addDataType: nothing to do
        return proxy(Connection.class, (proxy, method, args) -> switch (method.getName()) {
            case "createStatement" -> statement(Statement.class, null);
            case "prepareStatement" -> statement(PreparedStatement.class, (String) args[0]);
            case "unwrap" -> pg;
            case "isWrapperFor" -> true;
            case "getAutoCommit" -> true;
            case "close", "setAutoCommit", "commit", "rollback" -> null;
            default -> throw new UnsupportedOperationException("Connection." + method.getName());
        });
    }

    private <S extends Statement> S statement(Class<S> type, String preparedSql) {
        List<Object> parameters = new ArrayList<>();
        return proxy(type, (proxy, method, args) -> switch (method.getName()) {
            case "executeUpdate", "execute" -> {
                executed.add(new Executed(args != null ? (String) args[0] : preparedSql, List.copyOf(parameters)));
                yield method.getReturnType() == boolean.class ? false : 0;
            }
            case "setObject", "setString", "setDouble", "setInt" -> {
                parameters.add(args[1]);
                yield null;
            }
            case "setNull" -> {
                parameters.add("NULL");
                yield null;
            }
            case "addBatch" -> null;
            case "executeBatch" -> {
                executed.add(new Executed(preparedSql, List.copyOf(parameters)));
                yield new int[] {1};
            }
            case "executeQuery" -> {
                executed.add(new Executed(args != null ? (String) args[0] : preparedSql, List.copyOf(parameters)));
                yield resultSet();
            }
            case "close" -> null;
            default -> throw new UnsupportedOperationException("Statement." + method.getName());
        });
    }

    private ResultSet resultSet() {
        Iterator<Map<String, Object>> iterator = List.copyOf(rows).iterator();
        AtomicReference<Map<String, Object>> current = new AtomicReference<>();
        return proxy(ResultSet.class, (proxy, method, args) -> switch (method.getName()) {
            case "next" -> {
                current.set(iterator.hasNext() ? iterator.next() : null);
                yield current.get() != null;
            }
            case "getString" -> (String) current.get().get((String) args[0]);
            case "getDouble" -> ((Number) current.get().get((String) args[0])).doubleValue();
            case "getObject" -> current.get().get((String) args[0]);
            case "close" -> null;
            default -> throw new UnsupportedOperationException("ResultSet." + method.getName());
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(RecordingJdbc.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
