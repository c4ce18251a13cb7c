package dev.picket.processing.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceEventNormalizationTest {

    private static final long RECEIVED = 1795495000_000L;

    private final EventNormalizer normalizer = new EventNormalizer();

    static List<ReferenceEvents.Recorded> recorded() {
        return ReferenceEvents.all();
    }

    private EventFacts normalize(String name) {
        ReferenceEvents.Recorded recorded = ReferenceEvents.one(name);
        return normalizer.normalize(recorded.event(), new NormalizeContext(recorded.itemType(), RECEIVED, "10.1.2.3")).facts();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void everyRecordedEventNormalizesWithoutErrors(ReferenceEvents.Recorded recorded) {
        NormalizedEvent normalized = normalizer.normalize(recorded.event(), new NormalizeContext(recorded.itemType(), RECEIVED, "10.1.2.3"));

        System.out.println(recorded + " " + normalized.facts());
        assertThat(normalized.event().get("errors")).isNull();
    }
}
