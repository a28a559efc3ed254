package dev.gmailserverauth.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PostgresServerTest {

    @Test
    void missingBinariesSkipOutsideCi() {
        assertThatThrownBy(() -> PostgresServer.requireBinaries(Optional.empty(), null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install postgresql-15");
    }

    @Test
    void missingBinariesFailInCi() {
        assertThatThrownBy(() -> PostgresServer.requireBinaries(Optional.empty(), "true"))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("CI=true");
    }

    @Test
    void foundBinariesAreUsed() {
        PostgresBinaries binaries = new PostgresBinaries(Path.of("/usr/lib/postgresql/15/bin"));
        assertThat(PostgresServer.requireBinaries(Optional.of(binaries), "true")).isEqualTo(binaries);
    }
}
