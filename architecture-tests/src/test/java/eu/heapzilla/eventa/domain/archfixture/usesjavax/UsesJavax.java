package eu.heapzilla.eventa.domain.archfixture.usesjavax;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Breaks rule 1: {@code javax} is not {@code java}, even when it ships with the JDK. */
public final class UsesJavax {

    private UsesJavax() {}

    public static Connection open(DataSource dataSource) throws SQLException {
        return dataSource.getConnection();
    }
}
