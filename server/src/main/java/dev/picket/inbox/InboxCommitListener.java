package dev.picket.inbox;

/** Told, on the inbox writer's thread, each time new entries became durable. Must return at once. */
@FunctionalInterface
public interface InboxCommitListener {

    void inboxCommitted();
}
