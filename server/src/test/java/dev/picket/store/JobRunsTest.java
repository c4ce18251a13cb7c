package dev.picket.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A periodic job runs once per period however many instances ask to run it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class JobRunsTest {

    @Autowired
    JobRuns jobRuns;

    @Test
    void ofEightSimultaneousClaimsOfAJobExactlyOneIsGranted() throws Exception {
        String job = "job-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> jobRuns.claim(job, Duration.ofHours(1)));
            }
            long granted = 0;
            for (Future<Boolean> claim : pool.invokeAll(claims)) {
                granted += claim.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aJobIsGrantedAgainOnlyOnceItsPeriodHasPassed() throws Exception {
        String job = "job-" + UUID.randomUUID();
        assertThat(jobRuns.claim(job, Duration.ofHours(1))).isTrue();
        assertThat(jobRuns.claim(job, Duration.ofHours(1))).isFalse();

        Thread.sleep(20);

        assertThat(jobRuns.claim(job, Duration.ofMillis(10))).isTrue();
    }
}
