package dev.picket.store;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Turns at writing for this process's busy writers: the inbox's group commits and the processor's
 * batches. SQLite lets one transaction write at a time, and a writer that finds the file locked
 * sleeps in growing steps (1, 2, 5, 10, 15 ms…) before it looks again, so behind a batch of the
 * processor an inbox commit — and every request in it — waited up to twice as long as the batch
 * took. Here the next writer is woken the moment the previous one commits, in the order they came.
 * On PostgreSQL writers do not exclude each other, and turns are not taken.
 */
@Component
public class WriterTurns {

    /** Null where the database lets writers run side by side. */
    private final ReentrantLock turn;

    public WriterTurns(SqlDialect dialect) {
        this.turn = dialect.hasOneWriteLock() ? new ReentrantLock(true) : null;
    }

    /** A write that begins and commits its transaction. */
    @FunctionalInterface
    public interface Write<T> {
        T run() throws SQLException;
    }

    /** Runs {@code write} in this process's turn, waiting for the writer before it to commit. */
    public <T> T take(Write<T> write) throws SQLException {
        if (turn == null) {
            return write.run();
        }
        turn.lock();
        try {
            return write.run();
        } finally {
            turn.unlock();
        }
    }
}
