package dev.picket.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class BodyMemoryTest {

    private static final long MIB = 1024 * 1024;

    private final BodyMemory memory = new BodyMemory(MIB, 50);

    @Test
    void aBodyThatNeedsMoreThanAllOfItIsTooLargeNamingTheSetting() {
        try (BodyMemory.Lease lease = memory.lease()) {
            assertThatThrownBy(() -> lease.reserve(MIB + 1))
                    .isInstanceOfSatisfying(IngestRejection.class,
                            e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE))
                    .hasMessageContaining("picket.ingest.body-memory");
        }
    }

    @Test
    void aBufferThatCannotGrowBesideTheOneItOutgrowsIsTooLarge() {
        try (BodyMemory.Lease lease = memory.lease()) {
            lease.reserve(MIB / 2);

            assertThatThrownBy(() -> lease.reserve(MIB))
                    .isInstanceOfSatisfying(IngestRejection.class,
                            e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE))
                    .hasMessageStartingWith("the body needs 1536 KiB of buffers while it is read");
        }
    }

    @Test
    void aRequestThatFindsTheMemoryTakenWaitsThenIsToldToRetry() {
        try (BodyMemory.Lease holder = memory.lease(); BodyMemory.Lease late = memory.lease()) {
            holder.reserve(MIB / 2 + 1);

            assertThatThrownBy(() -> late.reserve(MIB / 2))
                    .isInstanceOfSatisfying(IngestRejection.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(e.metricReason()).isEqualTo("busy");
                    })
                    .hasMessageContaining("retry later");
        }
    }

    @Test
    void whatAnAnsweredRequestHeldIsFreeForTheNext() {
        try (BodyMemory.Lease first = memory.lease()) {
            first.reserve(MIB);
        }

        try (BodyMemory.Lease next = memory.lease()) {
            next.reserve(MIB);
        }
    }

    @Test
    void anOutgrownBufferIsFreeWhileItsRequestGoesOn() {
        try (BodyMemory.Lease lease = memory.lease(); BodyMemory.Lease other = memory.lease()) {
            lease.reserve(MIB / 2);
            lease.release(MIB / 2);
            lease.reserve(MIB / 4);

            other.reserve(MIB * 3 / 4);
        }
    }
}
