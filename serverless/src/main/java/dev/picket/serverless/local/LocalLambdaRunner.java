package dev.picket.serverless.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sentry.JsonObjectReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Invokes handlers the way the Lambda runtime does, in this JVM: one container (one log stream) whose first
 * invocation is the cold one, and a fresh context with its own request id and deadline per invocation. A test
 * harness for trying a handler against a local Picket, not an emulator of the cloud: the deadline is reported
 * but not enforced.
 */
public final class LocalLambdaRunner {

    private final LocalFunction function;
    private final String logStreamName;

    public LocalLambdaRunner(LocalFunction function) {
        this.function = function;
        this.logStreamName = DateTimeFormatter.ofPattern("yyyy/MM/dd").format(LocalDate.now(ZoneOffset.UTC))
                + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A context for the next invocation, its deadline counting from now. */
    public LocalLambdaContext nextContext() {
        return new LocalLambdaContext(function, logStreamName);
    }

    public <I, O> O invoke(RequestHandler<I, O> handler, I input) {
        return handler.handleRequest(input, nextContext());
    }

    public byte[] invoke(RequestStreamHandler handler, byte[] input) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input), output, nextContext());
        return output.toByteArray();
    }

    /**
     * {@code LocalLambdaRunner <handler class> <event.json> [invocations] [timeout-ms]}: loads the handler once,
     * as a container does, and invokes it with the event. A {@link RequestHandler} receives the event parsed into
     * maps and lists, so it should take a {@code Map<String, Object>} (or {@code Object}).
     */
    public static void main(String[] args) throws IOException {
        RunnerArguments arguments;
        Object handler;
        try {
            arguments = RunnerArguments.parse(args);
            handler = load(arguments.handlerClass());
        } catch (IllegalArgumentException bad) {
            System.err.println(bad.getMessage());
            System.err.println(RunnerArguments.USAGE);
            System.exit(2);
            return;
        }
        byte[] event = Files.readAllBytes(arguments.event());
        String name = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", handler.getClass().getSimpleName());
        LocalLambdaRunner runner = new LocalLambdaRunner(LocalFunction.named(name).withTimeout(arguments.timeout()));
        for (int i = 1; i <= arguments.invocations(); i++) {
            String kind = i == 1 ? "cold" : "warm";
            try {
                System.out.println("invocation " + i + " (" + kind + "): " + runner.invokeLoaded(handler, event));
            } catch (RuntimeException | IOException failure) {
                System.out.println("invocation " + i + " (" + kind + ") failed: " + failure);
            }
        }
    }

    /** As the runtime does: by name, with its public no-argument constructor. */
    static Object load(String className) {
        Object handler;
        try {
            handler = Class.forName(className).getConstructor().newInstance();
        } catch (ClassNotFoundException missing) {
            throw new IllegalArgumentException("no class " + className + " on the classpath");
        } catch (NoSuchMethodException noConstructor) {
            throw new IllegalArgumentException(className + " needs a public no-argument constructor, as Lambda requires");
        } catch (ReflectiveOperationException failed) {
            throw new IllegalArgumentException("cannot create " + className + ": " + failed.getCause(), failed);
        }
        if (!(handler instanceof RequestHandler<?, ?>) && !(handler instanceof RequestStreamHandler)) {
            throw new IllegalArgumentException(className + " is neither a RequestHandler nor a RequestStreamHandler");
        }
        return handler;
    }

    @SuppressWarnings("unchecked")
    private Object invokeLoaded(Object handler, byte[] event) throws IOException {
        if (handler instanceof RequestStreamHandler stream) {
            return new String(invoke(stream, event), StandardCharsets.UTF_8);
        }
        return invoke((RequestHandler<Object, Object>) handler, parseJson(event));
    }

    /** The event as the runtime's default deserializer would give it to a handler taking a map. */
    private static Object parseJson(byte[] event) throws IOException {
        try (JsonObjectReader reader = new JsonObjectReader(
                new InputStreamReader(new ByteArrayInputStream(event), StandardCharsets.UTF_8))) {
            return reader.nextObjectOrNull();
        }
    }
}
