package dev.gmailserverauth.google;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Gmail's two quota tables, as data. */
class QuotaProfileTest {

    @Test
    void theLongStandingTableChargesAGetFiveUnitsWhateverItsFormat() {
        QuotaProfile legacy = QuotaProfile.LEGACY;
        assertThat(legacy.unitsPerMinute()).isEqualTo(15_000);
        assertThat(legacy.units(GmailMethod.MESSAGES_LIST, MessageFormat.NONE)).isEqualTo(5);
        assertThat(legacy.units(GmailMethod.MESSAGES_GET, MessageFormat.METADATA)).isEqualTo(5);
        assertThat(legacy.units(GmailMethod.MESSAGES_GET, MessageFormat.FULL)).isEqualTo(5);
        assertThat(legacy.units(GmailMethod.THREADS_GET, MessageFormat.FULL)).isEqualTo(10);
        assertThat(legacy.units(GmailMethod.LABELS_LIST, MessageFormat.NONE)).isEqualTo(1);
    }

    @Test
    void theTableOfNewProjectsChargesByMethodAndFormat() {
        QuotaProfile recent = QuotaProfile.NEW_PROJECT_2026;
        assertThat(recent.unitsPerMinute()).isEqualTo(6_000);
        assertThat(recent.units(GmailMethod.MESSAGES_LIST, MessageFormat.NONE)).isEqualTo(5);
        assertThat(recent.units(GmailMethod.MESSAGES_GET, MessageFormat.MINIMAL)).isEqualTo(20);
        assertThat(recent.units(GmailMethod.MESSAGES_GET, MessageFormat.METADATA)).isEqualTo(20);
        assertThat(recent.units(GmailMethod.MESSAGES_GET, MessageFormat.FULL)).isEqualTo(60);
        assertThat(recent.units(GmailMethod.MESSAGES_GET, MessageFormat.RAW)).isEqualTo(60);
        assertThat(recent.units(GmailMethod.MESSAGES_ATTACHMENTS_GET, MessageFormat.NONE)).isEqualTo(20);
        assertThat(recent.units(GmailMethod.THREADS_GET, MessageFormat.FULL)).isEqualTo(40);
    }

    @Test
    void aPageOfFiftySummariesCosts255UnitsOnTheOldTableAnd1005OnTheNew() {
        assertThat(pageOfFifty(QuotaProfile.LEGACY)).isEqualTo(255);
        assertThat(pageOfFifty(QuotaProfile.NEW_PROJECT_2026)).isEqualTo(1_005);
    }

    private static int pageOfFifty(QuotaProfile profile) {
        return profile.units(GmailMethod.MESSAGES_LIST, MessageFormat.NONE) + 50 * profile.units(GmailMethod.MESSAGES_GET, MessageFormat.METADATA);
    }

    @Test
    void profilesAreNamedAsTheConfigurationNamesThem() {
        assertThat(QuotaProfile.byId("legacy")).contains(QuotaProfile.LEGACY);
        assertThat(QuotaProfile.byId("2026")).contains(QuotaProfile.NEW_PROJECT_2026);
        assertThat(QuotaProfile.byId("2025")).isEmpty();
        assertThat(GmailLimits.of(QuotaProfile.NEW_PROJECT_2026).unitsPerMinute()).isEqualTo(6_000);
        assertThat(GmailLimits.DEFAULT.quotaProfile()).isEqualTo(QuotaProfile.LEGACY);
    }
}
