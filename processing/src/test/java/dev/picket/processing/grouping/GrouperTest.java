package dev.picket.processing.grouping;

import static dev.picket.processing.grouping.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Specifications of Sentry's default grouping. Expected hashes are the md5 of the values Sentry's
 * rules select, worked out from Sentry's grouping code and its snapshots, not from this code.
 */
class GrouperTest {

    private final Grouper grouper = new Grouper();

    private static final String PYTHON_FRAME = """
            {'module': 'app.handlers', 'filename': 'handlers.py', 'abs_path': '/srv/app/handlers.py',
             'function': 'charge', 'context_line': '    return amount / count', 'lineno': 12, 'in_app': true}""";

    @Test
    void exceptionWithoutStackTraceGroupsByTypeAndValue() {
        GroupingResult result = grouper.group(event("{'exception': {'values': [{'type': 'ValueError', 'value': 'hello world'}]}}"));

        // Sentry's snapshot exception_compute_hashes
        assertThat(result.hashes()).containsExactly("b23ee1963904c2ca87b145febf94b66c");
        assertThat(result.variant()).isEqualTo("app");
        assertThat(result.component()).isEqualTo("exception");
    }

    @Test
    void exceptionValuesThatDifferOnlyInNumbersGroupTogether() {
        GroupingResult first = grouper.group(event("{'exception': {'values': [{'type': 'TimeoutError', 'value': 'timeout after 30 seconds'}]}}"));
        GroupingResult second = grouper.group(event("{'exception': {'values': [{'type': 'TimeoutError', 'value': 'timeout after 45 seconds'}]}}"));

        assertThat(first.hashes()).containsExactly("92596031c6948ef60fca5fbcf09e70c5");
        assertThat(second.hashes()).isEqualTo(first.hashes());
    }

    @Test
    void stackTraceTakesPrecedenceOverTheExceptionMessage() {
        GroupingResult first = grouper.group(event("{'platform': 'python', 'exception': {'values': [{'type': 'ZeroDivisionError',"
                + " 'value': 'division by zero', 'stacktrace': {'frames': [" + PYTHON_FRAME + "]}}]}}"));
        GroupingResult second = grouper.group(event("{'platform': 'python', 'exception': {'values': [{'type': 'ZeroDivisionError',"
                + " 'value': 'float division by zero in request 7f3a', 'stacktrace': {'frames': [" + PYTHON_FRAME + "]}}]}}"));

        // module, function and source line of the frame, then the type; the system variant hashes alike and is dropped
        assertThat(first.hashes()).containsExactly("41787fa768463ff5f93f6e6fa914cabf");
        assertThat(second.hashes()).isEqualTo(first.hashes());
    }

    @Test
    void inAppFramesMakeThePrimaryHashAndAllFramesTheSecondary() {
        GroupingResult result = grouper.group(event("""
                {'platform': 'python', 'exception': {'values': [{'type': 'PaymentError', 'value': 'declined',
                 'stacktrace': {'frames': [
                   {'module': 'requests.api', 'filename': 'requests/api.py',
                    'abs_path': '/usr/lib/python3/site-packages/requests/api.py', 'function': 'post',
                    'context_line': 'return request("post", url)', 'in_app': false},
                   {'module': 'app.billing', 'filename': 'billing.py', 'abs_path': '/srv/app/billing.py',
                    'function': 'charge', 'context_line': 'return gateway.charge(amount)', 'in_app': true}]}}]}}
                """.replace("\"", "\\\"")));

        assertThat(result.hashes()).containsExactly("bf9af81a3513886e23a451fa7503709b", "4a4c150a2a39adb94c5f94c1574e8583");
        assertThat(result.variant()).isEqualTo("app");
    }

    @Test
    void withoutInAppFramesTheSystemVariantGroups() {
        GroupingResult result = grouper.group(event("""
                {'platform': 'java', 'exception': {'values': [{'type': 'NullPointerException', 'value': 'boom',
                 'stacktrace': {'frames': [{'module': 'com.example.Main', 'filename': 'Main.java', 'function': 'main'}]}}]}}
                """));

        assertThat(result.variant()).isEqualTo("system");
        assertThat(result.hashes()).hasSize(1);
    }

    @Test
    void javaLambdaFunctionNamesDoNotSplitIssues() {
        GroupingResult result = grouper.group(event("""
                {'platform': 'java', 'exception': {'values': [{'type': 'NullPointerException', 'value': 'x',
                 'stacktrace': {'frames': [
                   {'module': 'com.example.Main', 'filename': 'Main.java', 'function': 'main', 'in_app': true},
                   {'module': 'com.example.Main', 'filename': 'Main.java', 'function': 'lambda$main$1', 'in_app': true},
                   {'module': 'com.example.Handler', 'filename': 'Handler.java', 'function': 'handle', 'in_app': true}]}}]}}
                """));

        assertThat(result.primaryHash()).isEqualTo("0c7721edb039111dd598d13938e4bcf4");
    }

    @Test
    void javascriptFunctionNamesLoseTheirObjectPrefix() {
        GroupingResult result = grouper.group(event("""
                {'platform': 'javascript', 'exception': {'values': [{'type': 'NetworkError', 'value': 'failed',
                 'stacktrace': {'frames': [{'filename': 'checkout.js', 'abs_path': '/srv/app/checkout.js',
                   'function': 'Checkout.submit', 'in_app': true}]}}]}}
                """));

        assertThat(result.primaryHash()).isEqualTo("d2358228fc76bbbfe11c0263a8f16c4f");
    }

    @Test
    void theSameJavascriptErrorFromChromeAndSafariGroupsTogether() {
        GroupingResult chrome = grouper.group(event("""
                {'platform': 'javascript', 'exception': {'values': [{'type': 'Error', 'value': 'bad', 'stacktrace': {'frames': [
                  {'function': 'Checkout.submit', 'abs_path': 'https://shop.example/app.js', 'filename': '/app.js', 'in_app': true},
                  {'function': 'Array.map', 'abs_path': '<anonymous>', 'filename': '<anonymous>', 'in_app': true},
                  {'function': 'Object.validate', 'abs_path': 'https://shop.example/app.js', 'filename': '/app.js', 'in_app': true}]}}]}}
                """));
        GroupingResult safari = grouper.group(event("""
                {'platform': 'javascript', 'exception': {'values': [{'type': 'Error', 'value': 'bad', 'stacktrace': {'frames': [
                  {'function': 'submit', 'abs_path': 'https://shop.example/app.js', 'filename': '/app.js', 'in_app': true},
                  {'function': 'map', 'abs_path': '[native code]', 'filename': '[native code]', 'in_app': true},
                  {'function': 'validate', 'abs_path': 'https://shop.example/app.js', 'filename': '/app.js', 'in_app': true}]}}]}}
                """));

        // URL file names, Safari's native frames and Chrome's anonymous frames drop out; object prefixes go
        assertThat(safari.hashes()).isEqualTo(chrome.hashes()).containsExactly("336283f27b0da54eb9121469947666bd");
    }

    @Test
    void cacheBustingQueryStringsOnBrowserFileNamesDoNotSplitIssues() {
        String event = """
                {'platform': 'javascript', 'exception': {'values': [{'type': 'Error', 'value': 'x', 'stacktrace': {'frames': [
                  {'function': 'submit', 'abs_path': 'app:///static/app.js?v=%s', 'filename': '/static/app.js?v=%s', 'in_app': true}]}}]}}
                """;

        GroupingResult before = grouper.group(event(event.formatted("3", "3")));
        GroupingResult after = grouper.group(event(event.formatted("4", "4")));

        assertThat(after.hashes()).isEqualTo(before.hashes()).containsExactly("c6a9b298eade8d615854a78b3dee19f4");
    }

    @Test
    void chainedExceptionsGroupByEveryExceptionInTheChain() {
        GroupingResult result = grouper.group(event("""
                {'platform': 'python', 'exception': {'values': [
                  {'type': 'KeyError', 'value': 'customer', 'stacktrace': {'frames': [{'module': 'app.orders',
                    'filename': 'orders.py', 'function': 'load', 'context_line': 'return db[key]', 'in_app': true}]}},
                  {'type': 'LookupError', 'value': 'customer missing', 'stacktrace': {'frames': [{'module': 'app.orders',
                    'filename': 'orders.py', 'function': 'load', 'context_line': 'raise LookupError(key) from e', 'in_app': true}]}}]}}
                """));

        assertThat(result.hashes()).containsExactly("e234ceb0034af3f5fb32c091fd39a34f");
        assertThat(result.component()).isEqualTo("chained-exception");
    }

    @Test
    void eventsWithoutExceptionGroupByTheCrashedThread() {
        GroupingResult result = grouper.group(event("""
                {'platform': 'java', 'threads': {'values': [
                  {'id': 1, 'name': 'main', 'stacktrace': {'frames': [{'module': 'other.Idle', 'function': 'sleep', 'in_app': true}]}},
                  {'id': 2, 'crashed': true, 'stacktrace': {'frames': [
                    {'module': 'com.example.Worker', 'function': 'run', 'in_app': true},
                    {'module': 'com.example.Worker', 'function': 'process', 'in_app': true}]}}]}}
                """));

        assertThat(result.hashes()).containsExactly("971689e61b96ac14052428db83b8660e");
        assertThat(result.component()).isEqualTo("threads");
    }

    @Test
    void recursiveFramesCountOnce() {
        String frame = "{'module': 'app.tree', 'filename': 'tree.py', 'function': 'walk', 'lineno': 3, 'in_app': true}";
        GroupingResult once = grouper.group(event("{'platform': 'python', 'exception': {'values': [{'type': 'RecursionError',"
                + " 'stacktrace': {'frames': [" + frame + "]}}]}}"));
        GroupingResult thrice = grouper.group(event("{'platform': 'python', 'exception': {'values': [{'type': 'RecursionError',"
                + " 'stacktrace': {'frames': [" + frame + "," + frame + "," + frame + "]}}]}}"));

        assertThat(thrice.hashes()).isEqualTo(once.hashes());
    }

    @Test
    void messageEventsGroupByTheParameterizedMessage() {
        GroupingResult result = grouper.group(event("{'platform': 'javascript', 'logentry': {'formatted': 'testing testing 1, 2, 3'}}"));

        // Sentry's snapshot javascript_message_parameterization
        assertThat(result.hashes()).containsExactly("f9e47f16e3b9770b440157179c47bf7a");
        assertThat(result.variant()).isEqualTo("default");
        assertThat(result.component()).isEqualTo("message");
    }

    @Test
    void exceptionsTakePrecedenceOverTheMessage() {
        GroupingResult result = grouper.group(event(
                "{'logentry': {'formatted': 'something else'}, 'exception': {'values': [{'type': 'ValueError', 'value': 'hello world'}]}}"));

        assertThat(result.hashes()).containsExactly("b23ee1963904c2ca87b145febf94b66c");
    }

    @Test
    void templateErrorsGroupByTemplateFileAndLine() {
        GroupingResult result = grouper.group(event("{'template': {'filename': 'foo.html', 'context_line': 'hello world', 'lineno': 1}}"));

        // Sentry's snapshot template_compute_hashes
        assertThat(result.hashes()).containsExactly("826f66ef602835f68030c04c634df320");
    }

    @Test
    void cspReportsGroupByDirectiveAndBlockedOrigin() {
        GroupingResult result = grouper.group(Events.json("""
                {"csp": {"effective_directive": "script-src", "violated_directive": "script-src",
                  "blocked_uri": "https://YYY/lib.js?v=3"}, "logentry": {"formatted": "Blocked 'script' from 'YYY'"}}
                """));

        // md5 of "script-src" and "YYY", as Sentry's snapshot csp
        assertThat(result.hashes()).containsExactly("666766514295bb52812324097cdaf53e");
        assertThat(result.component()).isEqualTo("csp");
    }

    @Test
    void inlineScriptViolationsGroupByTheirKindNotTheirPage() {
        GroupingResult result = grouper.group(Events.json("""
                {"csp": {"effective_directive": "script-src", "violated_directive": "script-src 'unsafe-eval' 'self'",
                  "blocked_uri": ""}}
                """));

        // md5 of "script-src" and "'unsafe-eval'", as Sentry's snapshot csp_script_src_unsafe_eval
        assertThat(result.hashes()).containsExactly("56c6520f35bce2f89ed2c4e725ccef65");
    }

    @Test
    void aCustomFingerprintReplacesTheGrouping() {
        GroupingResult result = grouper.group(event(
                "{'fingerprint': ['payment-failed'], 'exception': {'values': [{'type': 'ValueError', 'value': 'hello world'}]}}"));

        assertThat(result.hashes()).containsExactly("8bde6caf9d78d888c432b49563ffc744");
        assertThat(result.variant()).isEqualTo("custom_fingerprint");
    }

    @Test
    void theDefaultFingerprintPlusAnExtraValueSplitsTheGroup() {
        GroupingResult result = grouper.group(event("{'platform': 'python', 'fingerprint': ['{{ default }}', 'eu'],"
                + " 'exception': {'values': [{'type': 'ZeroDivisionError', 'stacktrace': {'frames': [" + PYTHON_FRAME + "]}}]}}"));

        assertThat(result.hashes()).containsExactly("cc1342ac7d06961dfafd0040428a2e79");
    }

    @Test
    void fingerprintVariablesResolveFromTheEvent() {
        GroupingResult result = grouper.group(event("""
                {'level': 'error', 'transaction': '/checkout', 'fingerprint': ['{{ type }}', '{{level}}', '{{ transaction }}'],
                 'exception': {'values': [{'type': 'ValueError', 'value': 'hello world'}]}}
                """));

        assertThat(result.hashes()).containsExactly("418582efbe9c44c662a8c25c21f88f40");
    }

    @Test
    void javascriptChunkLoadErrorsAreOneIssueWhateverTheirStackTrace() {
        GroupingResult result = grouper.group(event("""
                {'platform': 'javascript', 'exception': {'values': [{'type': 'ChunkLoadError', 'value': 'Loading chunk 7 failed.',
                 'stacktrace': {'frames': [{'filename': 'app.js', 'function': 'load', 'in_app': true}]}}]}}
                """));

        // md5 of "chunkloaderror", as in Sentry's snapshot built_in_fingerprint_chunkload_error_hybrid_fingerprint
        assertThat(result.hashes()).containsExactly("5d731dcf8ecc4f042eeacf528d8d8da9");
        assertThat(result.variant()).isEqualTo("built_in_fingerprint");
    }

    @Test
    void theMessageVariableFallsBackToTheExceptionValueAndIsParameterized() {
        GroupingResult first = grouper.group(event("""
                {'fingerprint': ['{{ message }}', 'checkout'],
                 'exception': {'values': [{'type': 'PaymentError', 'value': 'Payment for order 7 failed'}]}}
                """));
        GroupingResult second = grouper.group(event("""
                {'fingerprint': ['{{ message }}', 'checkout'],
                 'exception': {'values': [{'type': 'PaymentError', 'value': 'Payment for order 1234 failed'}]}}
                """));

        assertThat(first.hashes()).containsExactly("85761a15499608d2b68913fe6a22f894");
        assertThat(second.hashes()).isEqualTo(first.hashes());
    }

    @Test
    void anEventWithNothingToGroupByGetsTheFallbackHash() {
        GroupingResult result = grouper.group(event("{'platform': 'python'}"));

        assertThat(result.hashes()).containsExactly("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(result.variant()).isEqualTo("fallback");
    }

    @Test
    void aChecksumIsUsedAsTheHash() {
        GroupingResult result = grouper.group(event("{'checksum': '0123456789abcdef0123456789abcdef', 'logentry': {'formatted': 'x'}}"));

        assertThat(result.hashes()).containsExactly("0123456789abcdef0123456789abcdef");
    }

    @Test
    void aProjectsOwnStackTraceRulesCanIgnoreFrames() {
        String event = "{'platform': 'python', 'exception': {'values': [{'type': 'ZeroDivisionError',"
                + " 'stacktrace': {'frames': [" + PYTHON_FRAME + ", {'module': 'app.vendor.retry', 'filename': 'retry.py',"
                + " 'abs_path': '/srv/app/vendor_retry.py', 'function': 'call', 'in_app': true}]}}]}}";

        GroupingResult withRule = new Grouper("# the retry helper wraps everything\nmodule:app.vendor.* -group").group(event(event));

        // the retry frame no longer counts, which leaves the handler frame and the type
        assertThat(withRule.hashes()).containsExactly("41787fa768463ff5f93f6e6fa914cabf");
    }

    @Test
    void anUnreadableProjectRuleIsRejectedWithItsLine() {
        assertThatThrownBy(() -> new Grouper("module:app.* -group\nfunction:x +sparkle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void malformedInterfacesAreSkippedNotFatal() {
        GroupingResult result = grouper.group(event("""
                {'exception': 'boom', 'threads': {'values': [null, 3, {'crashed': true, 'stacktrace': 'x'}]},
                 'stacktrace': {'frames': [null, 'frame', {'function': 7}]}, 'fingerprint': {'a': 1}, 'tags': 'x',
                 'logentry': {'formatted': ['not', 'text']}}
                """));

        assertThat(result.variant()).isEqualTo("system");
        assertThat(result.hashes()).hasSize(1);
    }

    @Test
    void aMissingEventIsRejectedWithAClearError() {
        assertThatThrownBy(() -> grouper.group(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing event");
    }
}
