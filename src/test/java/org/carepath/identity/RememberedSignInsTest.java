package org.carepath.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What an HTTP Basic sign-in remembered for a while may and may not stand in for. */
class RememberedSignInsTest {

    static final List<GrantedAuthority> PRACTITIONER = List.of(new SimpleGrantedAuthority("ROLE_practitioner"));

    final SignInThrottleTest.MovableClock clock = new SignInThrottleTest.MovableClock();
    final RememberedSignIns remembered = new RememberedSignIns(Duration.ofSeconds(30), clock);

    @Test
    void aRightPasswordStandsInForItsCheckUntilItsTimeIsUp() {
        remembered.remember("practitioner", "demo", PRACTITIONER, remembered.now());
        assertThat(remembered.find("practitioner", "demo")).contains(PRACTITIONER);
        clock.move(Duration.ofSeconds(29));
        assertThat(remembered.find("practitioner", "demo")).contains(PRACTITIONER);
        clock.move(Duration.ofSeconds(1));
        assertThat(remembered.find("practitioner", "demo")).as("30 seconds on: checked again").isEmpty();
    }

    @Test
    void anyOtherPasswordOrUserIsCheckedAsEver() {
        remembered.remember("practitioner", "demo", PRACTITIONER, remembered.now());
        assertThat(remembered.find("practitioner", "demo ")).isEmpty();
        assertThat(remembered.find("practitioner", "")).isEmpty();
        assertThat(remembered.find("team-manager", "demo")).isEmpty();
        assertThat(remembered.find("practitioner\u0000", "demo")).isEmpty();
    }

    @Test
    void aChangeToUsersOrGroupsForgetsEveryoneAndASignInReadBeforeItIsNotKept() {
        remembered.remember("practitioner", "demo", PRACTITIONER, remembered.now());
        remembered.forgetAll();
        assertThat(remembered.find("practitioner", "demo")).isEmpty();

        long readAt = remembered.now();
        remembered.forgetAll(); // the groups were read, then a membership changed before they were remembered
        remembered.remember("practitioner", "demo", PRACTITIONER, readAt);
        assertThat(remembered.find("practitioner", "demo")).isEmpty();
    }

    @Test
    void setToZeroItRemembersNobody() {
        var never = new RememberedSignIns(Duration.ZERO, clock);
        never.remember("practitioner", "demo", PRACTITIONER, never.now());
        assertThat(never.find("practitioner", "demo")).isEmpty();
    }

    @Test
    void itHoldsAtMostTenThousandUsers() {
        for (int i = 0; i <= RememberedSignIns.MOST_USERS; i++) {
            remembered.remember("user-" + i, "demo", PRACTITIONER, remembered.now());
        }
        assertThat(remembered.find("user-0", "demo")).as("the first forgotten to make room").isEmpty();
        assertThat(remembered.find("user-" + RememberedSignIns.MOST_USERS, "demo")).contains(PRACTITIONER);
    }
}
