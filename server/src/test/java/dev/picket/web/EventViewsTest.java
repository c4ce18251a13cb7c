package dev.picket.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.web.EventView.ExceptionView;
import dev.picket.web.EventView.FrameView;
import dev.picket.web.EventView.SourceLine;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How a stored event becomes what the issue page shows. */
class EventViewsTest {

    private final EventViews views = new EventViews(JsonMapper.builder().build());

    /** A Python error in a Cloud Function, as normalization stores it: frames oldest call first. */
    private static final String PYTHON_IN_GCP = """
            {"event_id": "0f5b2a64c3d44c0e9d3f8c2b1a7e6d50", "timestamp": 1764072000.5, "level": "error",
             "platform": "python", "release": "shop@3.1.0", "environment": "production",
             "exception": {"values": [
               {"type": "KeyError", "value": "'sku'", "stacktrace": {"frames": [
                 {"filename": "shop/cart.py", "function": "price", "lineno": 12, "in_app": true,
                  "pre_context": ["def price(item):", "    # prices are per unit"], "context_line": "    return item['sku']",
                  "post_context": [""], "vars": {"item": "{'qty': 2}"}}]}},
               {"type": "ValueError", "value": "cart 9 has no price", "mechanism": {"type": "gcp", "handled": false},
                "stacktrace": {"frames": [
                 {"filename": "functions_framework/__init__.py", "function": "view_func", "lineno": 99, "in_app": false},
                 {"filename": "main.py", "function": "checkout", "lineno": 30, "colno": 5, "in_app": true}]}}]},
             "contexts": {"gcp": {"function_name": "checkout", "execution_id": "exec-77", "function_region": "europe-west1"},
                          "runtime": {"name": "CPython", "version": "3.12.4"}},
             "tags": [["cold_start", "false"], ["function", "checkout"]],
             "request": {"method": "POST", "url": "https://shop.example.com/checkout",
                         "query_string": [["cart", "9"]], "headers": [["Content-Type", "application/json"]]},
             "breadcrumbs": {"values": [{"timestamp": 1764071999.0, "category": "query", "message": "SELECT 1",
                                         "data": {"rows": 1}}]},
             "sdk": {"name": "sentry.python.gcp", "version": "2.19.0"}}
            """;

    @Test
    void exceptionRaisedLastComesFirstAndItsCauseAfter() {
        EventView event = view(PYTHON_IN_GCP);

        assertThat(event.exceptions()).extracting(ExceptionView::type).containsExactly("ValueError", "KeyError");
        assertThat(event.exceptions()).extracting(ExceptionView::relation).containsExactly(null, "Caused by");
        assertThat(event.exceptions().getFirst().mechanism()).isEqualTo("gcp");
        assertThat(event.exceptions().getFirst().handled()).isFalse();
    }

    @Test
    void framesReadNewestCallFirstWithColumns() {
        ExceptionView raised = view(PYTHON_IN_GCP).exceptions().getFirst();

        assertThat(raised.frames()).extracting(FrameView::function).containsExactly("checkout", "view_func");
        assertThat(raised.frames()).extracting(FrameView::inApp).containsExactly(true, false);
        assertThat(raised.frames().getFirst().lineno()).isEqualTo("30:5");
    }

    @Test
    void sourceLinesAreNumberedAroundTheCurrentLineAndVarsKept() {
        FrameView frame = view(PYTHON_IN_GCP).exceptions().get(1).frames().getFirst();

        assertThat(frame.context()).extracting(SourceLine::lineno).containsExactly("10", "11", "12", "13");
        assertThat(frame.context()).filteredOn(SourceLine::current).extracting(SourceLine::code)
                .containsExactly("    return item['sku']");
        assertThat(frame.vars()).containsExactly(new EventView.Field("item", "{'qty': 2}"));
    }

    @Test
    void cloudFunctionContextBecomesTheFunctionPanel() {
        EventView event = view(PYTHON_IN_GCP);

        assertThat(event.function()).isEqualTo(new EventView.FunctionView("Google Cloud Functions", "checkout",
                "exec-77", null, "europe-west1", "false"));
        assertThat(event.contexts()).extracting(EventView.ContextView::name).containsExactly("runtime");
    }

    @Test
    void requestBreadcrumbsAndSdkReadAsText() {
        EventView event = view(PYTHON_IN_GCP);

        assertThat(event.request().queryString()).isEqualTo("cart=9");
        assertThat(event.request().headers()).containsExactly(new EventView.Field("Content-Type", "application/json"));
        assertThat(event.breadcrumbs().getFirst().timestamp()).isEqualTo("2025-11-25T11:59:59Z");
        assertThat(event.breadcrumbs().getFirst().data()).containsExactly(new EventView.Field("rows", "1"));
        assertThat(event.sdk()).isEqualTo("sentry.python.gcp 2.19.0");
    }

    @Test
    void fieldsOfUnexpectedShapesBecomeTextOrNothing() {
        EventView event = view("""
                {"exception": {"values": [{"type": 7, "stacktrace": {"frames": "none"}}, "not an object"]},
                 "breadcrumbs": "none", "request": [], "user": {"id": {"nested": [1, 2]}}, "tags": [["only one"]],
                 "contexts": {"os": "Linux"}, "sdk": {"version": "1.0"}}
                """);

        assertThat(event.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.type()).isEqualTo("7");
            assertThat(exception.frames()).isEmpty();
        });
        assertThat(event.breadcrumbs()).isEmpty();
        assertThat(event.request()).isNull();
        assertThat(event.user()).containsExactly(new EventView.Field("id", "{\"nested\":[1,2]}"));
        assertThat(event.tags()).isEmpty();
        assertThat(event.contexts()).singleElement().satisfies(context -> assertThat(context.fields()).isEmpty());
        assertThat(event.sdk()).isNull();
    }

    private EventView view(String json) {
        return views.of(json.getBytes(StandardCharsets.UTF_8));
    }
}
