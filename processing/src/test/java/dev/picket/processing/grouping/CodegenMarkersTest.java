package dev.picket.processing.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.processing.grouping.FrameComponents.CodegenMarker;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Java module names lose code generators' counters and hashes; the regexes run only on names holding a marker's literal. */
class CodegenMarkersTest {

    private static final List<String> MODULES = List.of(
            "com.example.orders.Service12$Step3",
            "com.example.Foo$$Lambda$123/0x0000000800c0b440",
            "sun.reflect.GeneratedConstructorAccessor42",
            "sun.reflect.GeneratedSerializationConstructorAccessor7",
            "sun.reflect.GeneratedMethodAccessor",
            "com.example.Service$$EnhancerBySpringCGLIB$$1a2b3c4d",
            "com.example.Service$$EnhancerByCGLIB$$1a2b3c4d_2",
            "com.example.Service$$FastClassByCGLIB$$deadbeef",
            "com.example.Service$FastClassBySpring$cafe",
            "com.example.Entity$HibernateProxy$abcDEF123",
            "com.example.Entity$$HibernateProxy$$x_1",
            "com.example.Bean$$_javassist_seam_5",
            "com.example.Bean$$_javassist_12",
            "clojure.core$fn__4321",
            "clojure.core$fn__4321$fn__99",
            "com.example.Weird$$CGLIB$",
            "com.example.$fn__",
            "com.example.Plain",
            "");

    @Test
    void everyMatchOfAMarkerHoldsItsLiteral() {
        for (CodegenMarker marker : FrameComponents.CODEGEN_MARKERS) {
            for (String module : MODULES) {
                Matcher matcher = marker.pattern().matcher(module);
                while (matcher.find()) {
                    assertThat(matcher.group()).as(marker.pattern() + " on " + module).contains(marker.literal());
                }
            }
        }
    }

    @Test
    void removingMarkersGivesWhatTheRegexesGiveAppliedToEveryName() {
        for (String module : MODULES) {
            String unconditional = module;
            for (CodegenMarker marker : FrameComponents.CODEGEN_MARKERS) {
                unconditional = marker.pattern().matcher(unconditional).replaceAll("$1<auto>");
            }
            assertThat(FrameComponents.withoutCodegenMarkers(module)).as(module).isEqualTo(unconditional);
        }
    }

    @Test
    void eachMarkerIsReplaced() {
        assertThat(FrameComponents.withoutCodegenMarkers("sun.reflect.GeneratedConstructorAccessor42"))
                .isEqualTo("sun.reflect.GeneratedConstructorAccessor<auto>");
        assertThat(FrameComponents.withoutCodegenMarkers("com.example.Service$$EnhancerBySpringCGLIB$$1a2b3c4d"))
                .isEqualTo("com.example.Service$$EnhancerBySpringCGLIB$$<auto>");
        assertThat(FrameComponents.withoutCodegenMarkers("clojure.core$fn__4321")).isEqualTo("clojure.core$fn__<auto>");
        assertThat(FrameComponents.withoutCodegenMarkers("com.example.Entity$HibernateProxy$abcDEF123"))
                .isEqualTo("com.example.Entity$HibernateProxy$<auto>");
    }

    @Test
    void aNameWithoutMarkersIsKept() {
        assertThat(FrameComponents.withoutCodegenMarkers("com.example.orders.Service12$Step3")).isEqualTo("com.example.orders.Service12$Step3");
    }
}
