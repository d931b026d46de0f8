package org.carepath.drift;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves a deadline when an extension is granted. Synchronous, in the publisher's transaction: the record
 * of the extension and the clock it moves commit together, so no case shows a new deadline while its
 * timer still escalates at the old one.
 */
@Component
class ExtensionsGranted {

    private final Deadlines deadlines;

    ExtensionsGranted(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventListener
    void on(DeadlineExtensionGranted extension) {
        deadlines.extend(extension.processInstanceId(), extension.timescaleKey(), extension.amount(), extension.reason(),
                extension.grantedOn(), extension.recordedBy());
    }
}
