package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxLifecycleTest {

    /** How fast it starts is measured by ./bench (BENCHMARKS.md), not asserted here. */
    @Test
    void twoSandboxesStartSideBySideOnFreeLoopbackPorts() {
        try (GoogleSandbox first = GoogleSandbox.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT)));
                GoogleSandbox second = GoogleSandbox.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT)))) {
            assertThat(first.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith("/");
            assertThat(second.baseUrl()).isNotEqualTo(first.baseUrl());
        }
    }

    @Test
    void demoAccountsAreDeterministicPerSeed() {
        SandboxConfig base = SandboxConfig.defaults(List.of());
        try (GoogleSandbox a = GoogleSandbox.start(base); GoogleSandbox b = GoogleSandbox.start(base);
             GoogleSandbox c = GoogleSandbox.start(base.withDemoSeed(7))) {
            String first = a.control().demoAccounts().get(0);

            assertThat(a.control().demoAccounts()).hasSizeGreaterThanOrEqualTo(2).isEqualTo(b.control().demoAccounts());
            assertThat(a.control().userId(first)).isEqualTo(b.control().userId(first)).isNotEqualTo(c.control().userId(first));
            String added = SandboxMessageFixtures.addSame(a);
            assertThat(SandboxMessageFixtures.addSame(b)).isEqualTo(added);
        }
    }

    @Test
    void configValuesValidateThemselves() {
        assertThatThrownBy(() -> SandboxConfig.defaults(List.of()).withPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxClient(" ", "s", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(SandboxClient.defaultClient(List.of()).toString()).doesNotContain(SandboxClient.DEFAULT_SECRET);
        SandboxConfig d = SandboxConfig.defaults(List.of("http://x/cb"));
        assertThat(d.port()).isZero();
        assertThat(d.controlApiEnabled()).isTrue();
        assertThat(d.demoData()).isTrue();
        assertThat(d.demoSeed()).isEqualTo(42L);
        assertThat(d.clients()).singleElement().satisfies(cl -> {
            assertThat(cl.clientId()).isEqualTo(SandboxClient.DEFAULT_ID);
            assertThat(cl.redirectUris()).containsExactly("http://x/cb");
        });
    }
}
