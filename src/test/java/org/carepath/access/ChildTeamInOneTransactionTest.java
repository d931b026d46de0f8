package org.carepath.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.EntityManagerFactory;

import org.carepath.CarePathTest;
import org.carepath.child.Children;
import org.carepath.child.Gender;
import org.carepath.child.NewChild;
import org.carepath.identity.Teams;
import org.carepath.referral.ReferralFixtures;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scope rule asks for the child's team for each task the engine creates and the escalation ladder asks again:
 * in one transaction the child is read once, and a change of team in it is seen at once.
 */
@CarePathTest
class ChildTeamInOneTransactionTest {

    @Autowired
    ChildAccess access;
    @Autowired
    Children children;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void theChildIsReadOnceInATransaction() {
        var child = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString()).childReference();
        var statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        var wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            var statements = transaction.execute(status -> {
                assertThat(access.teamOf(child)).isEqualTo(Teams.FRONT_DOOR);
                var after = statistics.getPrepareStatementCount();
                for (int task = 0; task < 5; task++) {
                    assertThat(access.teamOf(child)).isEqualTo(Teams.FRONT_DOOR);
                    assertThat(children.exists(child)).isTrue();
                    assertThat(children.allocatedWorker(child)).isEmpty();
                }
                return statistics.getPrepareStatementCount() - after;
            });
            assertThat(statements).as("statements prepared after the first look-up").isZero();
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    @Test
    void aTeamChangedInTheTransactionIsSeenAtOnce() {
        var child = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString()).childReference();

        var teams = transaction.execute(status -> {
            var before = access.teamOf(child);
            children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager",
                    "New case");
            var allocated = access.teamOf(child);
            children.allocate(child, "practitioner-south", "Sam Reid", "south-assessment-team", "South assessment team",
                    "team-manager", "Moved south");
            return new String[] {before, allocated, access.teamOf(child), children.allocatedWorker(child).orElseThrow()};
        });

        assertThat(teams).containsExactly(Teams.FRONT_DOOR, "north-assessment-team", "south-assessment-team", "practitioner-south");
        assertThat(access.teamOf(child)).as("in a later transaction").isEqualTo("south-assessment-team");
    }

    @Test
    void aChildNotFoundIsFoundOnceRegisteredInTheSameTransaction() {
        var found = transaction.execute(status -> {
            var unknown = "C-9" + System.nanoTime() % 100_000;
            var before = children.exists(unknown);
            var registered = children.register(new NewChild("Robin", "Lookup-" + System.nanoTime(), null, Gender.NOT_KNOWN, null));
            return new boolean[] {before, children.exists(registered.reference()), access.teamOf(registered.reference()).equals(Teams.FRONT_DOOR)};
        });

        assertThat(found).containsExactly(false, true, true);
    }
}
