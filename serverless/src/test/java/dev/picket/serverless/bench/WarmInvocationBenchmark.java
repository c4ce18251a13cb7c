package dev.picket.serverless.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.aws.SentryLambda;
import dev.picket.serverless.local.LocalFunction;
import dev.picket.serverless.local.LocalLambdaRunner;
import dev.picket.serverless.testing.ApiGatewayEvents;
import dev.picket.serverless.testing.EnvelopeReceiver;
import dev.picket.serverless.testing.Environments;
import io.sentry.Sentry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the wrapper adds to a warm invocation that succeeds: the same handler bare and wrapped, with an API Gateway
 * event as input and the SDK reporting to a local receiver over HTTP. With tracing, every invocation sends its
 * transaction and waits for it to be delivered, as it must before the runtime freezes the container.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WarmInvocationBenchmark {

    @Param({"0", "1.0"})
    public String tracesSampleRate;

    private EnvelopeReceiver receiver;
    private LocalLambdaRunner runner;
    private RequestHandler<Map<String, Object>, Integer> bare;
    private RequestHandler<Map<String, Object>, Integer> wrapped;
    private Map<String, Object> event;

    @Setup(Level.Trial)
    public void start() {
        receiver = new EnvelopeReceiver();
        runner = new LocalLambdaRunner(LocalFunction.named("orders"));
        bare = (input, context) -> String.valueOf(input.get("body")).length() + context.getAwsRequestId().length();
        wrapped = SentryLambda.wrap(bare, ServerlessRuntime.create(
                Environments.lambda(receiver, "SENTRY_TRACES_SAMPLE_RATE", tracesSampleRate)));
        event = ApiGatewayEvents.post("/orders", "{\"id\":\"o-1\",\"items\":[1,2,3]}",
                Map.of("sentry-trace", "771a43a4192642f0b136d5159a501700-b0e6f15b45c36b12"));
        // The cold invocation is not what is measured.
        runner.invoke(wrapped, event);
    }

    @TearDown(Level.Trial)
    public void stop() {
        Sentry.close();
        receiver.close();
    }

    @Benchmark
    public Integer bareHandler() {
        return runner.invoke(bare, event);
    }

    @Benchmark
    public Integer wrappedHandler() {
        return runner.invoke(wrapped, event);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(WarmInvocationBenchmark.class.getSimpleName()).build()).run();
    }
}
