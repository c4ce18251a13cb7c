package dev.picket.serverless.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLambdaRunnerTest {

    private final LocalLambdaRunner runner = new LocalLambdaRunner(
            new LocalFunction("thumbnails", 1024, Duration.ofSeconds(2), "eu-central-1"));

    @Test
    void eachInvocationHasItsOwnRequestIdAndTheContainersLogStream() {
        List<Context> seen = new ArrayList<>();
        RequestHandler<String, String> handler = (input, context) -> {
            seen.add(context);
            return input;
        };

        runner.invoke(handler, "a");
        runner.invoke(handler, "b");

        assertThat(seen).extracting(Context::getAwsRequestId).doesNotHaveDuplicates();
        assertThat(seen).extracting(Context::getLogStreamName).containsOnly(seen.getFirst().getLogStreamName());
        assertThat(seen.getFirst().getLogGroupName()).isEqualTo("/aws/lambda/thumbnails");
        assertThat(seen.getFirst().getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:eu-central-1:000000000000:function:thumbnails");
        assertThat(seen.getFirst().getMemoryLimitInMB()).isEqualTo(1024);
    }

    @Test
    void theRemainingTimeCountsDownFromTheTimeout() throws InterruptedException {
        Context context = runner.nextContext();
        int atStart = context.getRemainingTimeInMillis();

        Thread.sleep(150);

        assertThat(atStart).isBetween(1900, 2000);
        assertThat(context.getRemainingTimeInMillis()).isLessThanOrEqualTo(atStart - 150);
    }

    @Test
    void aHandlerClassIsLoadedThroughItsPublicNoArgumentConstructor() {
        assertThat(LocalLambdaRunner.load(EchoHandler.class.getName())).isInstanceOf(EchoHandler.class);
    }

    @Test
    void aClassThatIsNoHandlerIsRejectedByName() {
        assertThatThrownBy(() -> LocalLambdaRunner.load(String.class.getName()))
                .hasMessage("java.lang.String is neither a RequestHandler nor a RequestStreamHandler");
        assertThatThrownBy(() -> LocalLambdaRunner.load("com.example.Missing"))
                .hasMessage("no class com.example.Missing on the classpath");
    }

    @Test
    void badArgumentsSayWhatIsWrong(@TempDir Path dir) throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{}");

        assertThat(RunnerArguments.parse("com.example.H", event.toString()))
                .isEqualTo(new RunnerArguments("com.example.H", event, 2, Duration.ofSeconds(3)));
        assertThatThrownBy(() -> RunnerArguments.parse("com.example.H", event.toString(), "two"))
                .hasMessage("invocations must be a whole number above 0, was 'two'");
        assertThatThrownBy(() -> RunnerArguments.parse("com.example.H", dir.resolve("none.json").toString()))
                .hasMessageStartingWith("cannot read the event file ");
    }

    @Test
    void aFunctionWithLessMemoryThanLambdaAllowsIsRejected() {
        assertThatThrownBy(() -> new LocalFunction("f", 64, Duration.ofSeconds(1), "us-east-1"))
                .hasMessage("memory must be at least 128 MB, was 64");
    }

    public static final class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            return input;
        }
    }
}
