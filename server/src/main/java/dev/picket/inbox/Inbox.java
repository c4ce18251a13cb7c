package dev.picket.inbox;

/**
 * The durable queue between ingestion and processing. Embedded mode keeps it in a database table;
 * cluster mode in a Kafka topic.
 */
public interface Inbox {

    /**
     * Returns once {@code entry} is durable, so that ingestion may acknowledge it. An entry whose
     * project and event id are already in the inbox is dropped: a replay is stored once.
     *
     * @throws InboxUnavailableException when the entry could not be made durable
     */
    void append(InboxEntry entry) throws InterruptedException;
}
