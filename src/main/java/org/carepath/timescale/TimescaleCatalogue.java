package org.carepath.timescale;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The shipped catalogue with the council's overrides applied. Refuses to start on an override that is
 * unknown, longer than the statutory ceiling, or that puts the reminder at or before the trigger.
 */
final class TimescaleCatalogue {

    private final Map<String, Timescale> byKey;

    private TimescaleCatalogue(Map<String, Timescale> byKey) {
        this.byKey = byKey;
    }

    static TimescaleCatalogue read(InputStream yaml, Map<String, TimescaleOverrides.Override> overrides)
            throws IOException {
        List<Map<String, Object>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        var byKey = new LinkedHashMap<String, Timescale>();
        for (var entry : entries) {
            var timescale = new Timescale(
                    required(entry, "key"),
                    required(entry, "description"),
                    required(entry, "source"),
                    TimescaleUnit.valueOf(required(entry, "unit")),
                    ((Number) entry.get("amount")).intValue(),
                    entry.get("ceiling") == null ? null : ((Number) entry.get("ceiling")).intValue(),
                    entry.get("counting") == null ? Counting.AFTER_TRIGGER : Counting.valueOf((String) entry.get("counting")),
                    ((Number) entry.getOrDefault("warningWorkingDays", 0)).intValue());
            if (timescale.unit() == TimescaleUnit.WORKING_DAYS && timescale.counting() != Counting.AFTER_TRIGGER) {
                throw new IllegalStateException("Timescale " + timescale.key() + ": working days are counted after the trigger");
            }
            if (byKey.put(timescale.key(), timescale) != null) {
                throw new IllegalStateException("Timescale " + timescale.key() + " is listed twice in the catalogue");
            }
        }
        var problems = new ArrayList<String>();
        overrides.forEach((key, override) -> {
            var shipped = byKey.get(key);
            if (shipped == null) {
                problems.add("carepath.timescales." + key + ": no such timescale in the catalogue");
                return;
            }
            int amount = override.amount() == null ? shipped.amount() : override.amount();
            int warning = override.warningWorkingDays() == null ? shipped.warningWorkingDays() : override.warningWorkingDays();
            if (amount < 1 && shipped.counting() != Counting.DUE_ON_TRIGGER) {
                problems.add("carepath.timescales." + key + ".amount: must be at least 1");
            }
            if (shipped.ceiling() != null && amount > shipped.ceiling()) {
                problems.add("carepath.timescales." + key + ".amount: " + amount + " is longer than the statutory "
                        + shipped.ceiling() + " " + shipped.unit().name().toLowerCase().replace('_', ' ')
                        + "; a council may set a tighter timescale, never a longer one");
            }
            if (warning < 0) {
                problems.add("carepath.timescales." + key + ".warning-working-days: must not be negative");
            } else if (warning > 0 && shipped.counting() != Counting.DUE_ON_TRIGGER
                    && warning * 7 / 5 >= lengthInDays(shipped.unit(), amount)) {
                problems.add("carepath.timescales." + key + ": a reminder " + warning + " working days before the deadline "
                        + "falls at or before the event that starts the clock; give it fewer working days");
            }
            byKey.put(key, new Timescale(key, shipped.description(), shipped.source(), shipped.unit(), amount,
                    shipped.ceiling(), shipped.counting(), warning));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The council's timescale settings are invalid:\n  " + String.join("\n  ", problems));
        }
        return new TimescaleCatalogue(byKey);
    }

    /** Roughly how many calendar days a timescale spans (a month at its shortest). */
    private static int lengthInDays(TimescaleUnit unit, int amount) {
        return switch (unit) {
            case WORKING_DAYS -> amount * 7 / 5;
            case DAYS -> amount;
            case WEEKS -> amount * 7;
            case MONTHS -> amount * 28;
            case YEARS -> amount * 365;
        };
    }

    private static String required(Map<String, Object> entry, String field) {
        var value = entry.get(field);
        if (value == null) {
            throw new IllegalStateException("Catalogue entry " + entry.get("key") + " has no " + field);
        }
        return value.toString();
    }

    Timescale get(String key) {
        var timescale = byKey.get(key);
        if (timescale == null) {
            throw new UnknownTimescaleException(key);
        }
        return timescale;
    }

    Collection<Timescale> all() {
        return byKey.values();
    }
}
