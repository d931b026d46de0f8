package org.carepath.careleaver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.carepath.CarePathTest;
import org.carepath.timescale.Timescales;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The authority's figures against a small cohort counted by hand (March 2099). */
@CarePathTest
class CareLeaverFiguresTest {

    @Autowired
    Timescales timescales;

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static CareLeaverFigures.Situation situation(String from, boolean suitable, boolean eet, boolean stayingPut) {
        return new CareLeaverFigures.Situation(d(from), suitable, eet, stayingPut);
    }

    @Test
    void figuresByAgeBandMatchTheHandCount() {
        var a = new CareLeaverFigures.YoungPerson(d("2081-06-01"), d("2097-06-01"), null, List.of(d("2099-02-15")),
                List.of(situation("2098-09-01", true, true, false)), List.of(d("2098-12-01")));
        // 19 on 1 March 2099 (a leap-day birth); out of touch, unsuitable, not in EET, review overdue; a later record is not counted
        var b = new CareLeaverFigures.YoungPerson(d("2080-02-29"), d("2096-02-29"), null, List.of(d("2098-12-01")),
                List.of(situation("2098-03-01", false, false, false), situation("2099-04-10", true, true, false)), List.of(d("2098-08-01")));
        var c = new CareLeaverFigures.YoungPerson(d("2078-01-15"), d("2094-01-15"), null, List.of(d("2099-03-20")),
                List.of(situation("2097-05-01", true, true, true)), List.of(d("2099-01-10")));
        var closedBefore = new CareLeaverFigures.YoungPerson(d("2075-05-05"), d("2091-05-05"), d("2099-02-01"), List.of(), List.of(), List.of());
        var closedDuring = new CareLeaverFigures.YoungPerson(d("2076-03-31"), d("2092-03-31"), d("2099-03-15"), List.of(d("2098-01-01")),
                List.of(), List.of());
        var sixteen = new CareLeaverFigures.YoungPerson(d("2083-01-01"), d("2099-01-01"), null, List.of(), List.of(), List.of());
        var twentyFive = new CareLeaverFigures.YoungPerson(d("2074-03-31"), d("2090-03-31"), null, List.of(), List.of(), List.of());
        var eligibleLater = new CareLeaverFigures.YoungPerson(d("2082-01-01"), d("2099-04-05"), null, List.of(), List.of(), List.of());

        var figures = CareLeaverFigures.count(d("2099-03-01"), d("2099-03-31"),
                List.of(a, b, c, closedBefore, closedDuring, sixteen, twentyFive, eligibleLater), timescales);

        assertThat(figures.bands()).containsExactly(
                new CareLeaverFigures.Band("17-18", 1, 1, 1, 1, 0, 1),
                new CareLeaverFigures.Band("19-21", 2, 1, 1, 1, 1, 1),
                new CareLeaverFigures.Band("22-25", 1, 0, 0, 0, 0, 0));
    }

    @Test
    void aLeapDayBirthIsAYearOlderOnTheFirstOfMarch() {
        assertThat(CareLeaverFigures.age(d("2080-02-29"), d("2099-02-28"))).isEqualTo(18);
        assertThat(CareLeaverFigures.age(d("2080-02-29"), d("2099-03-01"))).isEqualTo(19);
        assertThat(CareLeaverFigures.age(d("2080-02-29"), d("2100-02-28"))).isEqualTo(19);
        assertThat(CareLeaverFigures.age(d("2080-02-29"), d("2100-03-01"))).isEqualTo(20);
        assertThat(CareLeaverFigures.age(d("2080-02-29"), d("2104-02-29"))).isEqualTo(24);
    }
}
