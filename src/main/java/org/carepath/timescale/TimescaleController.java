package org.carepath.timescale;

import java.time.LocalDate;
import java.util.Collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/timescales")
@Tag(name = "Timescales", description = "The statutory timescales as this council applies them")
class TimescaleController {

    private final Timescales timescales;

    TimescaleController(Timescales timescales) {
        this.timescales = timescales;
    }

    @GetMapping
    @Operation(summary = "The catalogue of timescales, with this council's settings")
    Collection<Timescale> catalogue() {
        return timescales.catalogue();
    }

    @GetMapping("/{key}/due")
    @Operation(summary = "When something is due, for an event on the given date")
    DueDates due(@PathVariable String key, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate trigger) {
        return new DueDates(timescales.timescale(key), trigger, timescales.warningDate(key, trigger), timescales.dueDate(key, trigger));
    }

    record DueDates(Timescale timescale, LocalDate trigger, LocalDate warningDate, LocalDate dueDate) {
    }
}
