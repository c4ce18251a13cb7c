package dev.picket.processing.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What native function names are reduced to before grouping, following Sentry's trimming rules. */
class NativeFunctionNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unsigned int foo::bar(int, char const*) const | foo::bar",
            "std::vector<int, std::allocator<int> >::push_back(int const&) | std::vector<T>::push_back",
            "-[UIApplication _run] | -[UIApplication _run]",
            "core::panicking::panic::h2a5a6d5e9f6b7c8d | core::panicking::panic",
            "_main@8 | _main",
            "main::$_0::operator()() const | main::lambda::operator()",
            "<redacted> | <redacted>",
    })
    void keepsTheBareFunctionName(String demangled, String expected) {
        assertThat(NativeFunctionNames.trim(demangled)).isEqualTo(expected);
    }
}
