package dev.picket.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizesTest {

    @ParameterizedTest
    @CsvSource({
            "52428800, 50 MiB",
            "1048576, 1 MiB",
            "4096, 4 KiB",
            "1536, 1536 bytes",
            "1048577, 1048577 bytes",
            "1, 1 byte",
            "0, 0 bytes",
    })
    void describesASizeInTheLargestWholeUnit(long bytes, String text) {
        assertThat(ByteSizes.describe(bytes)).isEqualTo(text);
    }
}
