package dev.gmailserverauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sqlite.SQLiteJDBCLoader;

/**
 * SQLite's native library, handed to the driver from a private copy ({@link SqliteNativeLibrary}): the driver runs
 * its native library (not a fallback), and once the pool is open the copy's path is no longer offered to anyone.
 */
class SqliteNativeLibraryTest {
    @RegisterExtension
    final FreshDatabase database = FreshDatabase.sqlite();

    @Test
    void theDriverRunsNativeSqliteAndTheCopyIsNoLongerOffered() throws Exception {
        assertThat(database.get().isHealthy()).isTrue();
        assertThat(database.get().schema().isCurrent()).isTrue();
        assertThat(SQLiteJDBCLoader.isNativeMode()).isTrue();
        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY)).isNull();
        assertThat(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY)).isNull();
    }
}
