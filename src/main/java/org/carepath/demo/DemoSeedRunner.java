package org.carepath.demo;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seeds at start-up, once the web server answers (the seed goes through the API): {@code carepath.demo.seed} is
 * {@code none}, {@code small} (the local profile's default) or {@code council}; the counts of either can be changed,
 * e.g. {@code --carepath.demo.seed.looked-after=500}. Outside the local profile it refuses, says so, and seeds nothing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // after the demo users are made (AccessSetup): it signs in as them
class DemoSeedRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeedRunner.class);

    private final DemoCaseload caseload;
    private final Environment environment;

    DemoSeedRunner(DemoCaseload caseload, Environment environment) {
        this.caseload = caseload;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            seed();
        } catch (DemoSeedException refused) {
            log.error("Demo seed: {}", refused.getMessage());
        }
    }

    /** Seeds the caseload asked for; nothing when none is asked for. Refused outside the local profile. */
    DemoCaseload.Result seed() {
        var setting = environment.getProperty("carepath.demo.seed", "none").strip().toLowerCase(Locale.ROOT);
        if (setting.isEmpty() || setting.equals("none")) {
            return null;
        }
        DemoCaseload.refuseOutsideLocal(environment);
        var size = switch (setting) {
            case "small" -> SeedSize.SMALL;
            case "council" -> SeedSize.COUNCIL;
            default -> throw new DemoSeedException("carepath.demo.seed is '" + setting + "': it is none, small or council"
                    + " (counts with carepath.demo.seed.looked-after, .child-protection, .children-in-need). Nothing was seeded.");
        };
        size = new SeedSize(count("looked-after", size.lookedAfter()), count("child-protection", size.childProtection()),
                count("children-in-need", size.childrenInNeed()));
        var threads = environment.getProperty("carepath.demo.seed.threads", Integer.class, 3);
        log.info("Demo seed '{}': {} looked after, {} on child protection plans, {} children in need, through the API ({} at once)",
                setting, size.lookedAfter(), size.childProtection(), size.childrenInNeed(), threads);
        var result = caseload.seed(size, DemoCaseload.DEFAULT_MARKER, threads, System.out);
        log.info("Demo seed done in {}: {} children added, {} there already{}", SeedProgress.words(result.took()), result.added(),
                result.alreadyThere(), result.failed() == 0 ? "" : ", " + result.failed() + " failed (first: " + result.firstFailure() + ")");
        return result;
    }

    private int count(String name, int otherwise) {
        var count = environment.getProperty("carepath.demo.seed." + name, Integer.class, otherwise);
        if (count < 0) {
            throw new DemoSeedException("carepath.demo.seed." + name + " is " + count + ": a count of children, 0 or more");
        }
        return count;
    }
}
