package au.ausjobs.platform.events;

import java.util.List;

/**
 * A MongoDB document that carries its pending events in a field named {@code outbox}. The {@link OutboxRelay}
 * finds every mapped document class implementing this and relays their entries.
 */
public interface HasOutbox {

    String OUTBOX_FIELD = "outbox";

    List<OutboxEntry> getOutbox();
}
