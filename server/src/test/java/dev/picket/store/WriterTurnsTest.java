package dev.picket.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WriterTurnsTest {

    @Test
    void onSqliteAWriterStartsOnlyOnceTheWriterBeforeItHasFinished() throws Exception {
        WriterTurns turns = new WriterTurns(SqlDialect.SQLITE);
        Writer first = Writer.holdingTurn(turns);

        Writer second = Writer.start(turns);

        assertThat(second.writing.await(300, TimeUnit.MILLISECONDS)).isFalse();
        first.finish();
        assertThat(second.writing.await(10, TimeUnit.SECONDS)).isTrue();
        second.finish();
    }

    @Test
    void onPostgresqlWritersRunSideBySide() throws Exception {
        WriterTurns turns = new WriterTurns(SqlDialect.POSTGRESQL);
        Writer first = Writer.holdingTurn(turns);

        Writer second = Writer.start(turns);

        assertThat(second.writing.await(10, TimeUnit.SECONDS)).isTrue();
        first.finish();
        second.finish();
    }

    /** A writer that takes a turn, says so, and keeps it until it may finish. */
    private record Writer(Thread thread, CountDownLatch writing, CountDownLatch mayFinish) {

        static Writer start(WriterTurns turns) {
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch mayFinish = new CountDownLatch(1);
            Thread thread = Thread.ofPlatform().start(() -> {
                try {
                    turns.take(() -> {
                        writing.countDown();
                        awaitUninterruptibly(mayFinish);
                        return null;
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            return new Writer(thread, writing, mayFinish);
        }

        static Writer holdingTurn(WriterTurns turns) throws InterruptedException {
            Writer writer = start(turns);
            assertThat(writer.writing.await(10, TimeUnit.SECONDS)).isTrue();
            return writer;
        }

        void finish() throws InterruptedException {
            mayFinish.countDown();
            thread.join();
        }

        private static void awaitUninterruptibly(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
