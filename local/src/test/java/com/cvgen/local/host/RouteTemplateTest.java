package com.cvgen.local.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTemplateTest {
  private static Map<String, String> match(String template, String path) {
    List<String> segments = path.isEmpty() ? List.of() : Arrays.asList(path.split("/", -1));
    return RouteTemplate.parse(template).match(segments);
  }

  @Test
  void literalsMatchIgnoringCase() {
    assertThat(match("jobs/latest", "JOBS/Latest")).isEmpty();
    assertThat(match("/jobs/latest/", "jobs/latest")).isEmpty();
    assertThat(match("jobs/latest", "jobs")).isNull();
    assertThat(match("jobs/latest", "jobs/latest/x")).isNull();
    assertThat(RouteTemplate.parse("/a/b/").template()).isEqualTo("a/b");
  }

  @Test
  void parametersAndConstraints() {
    assertThat(match("jobs/{id}/files/{file}", "jobs/42/files/cv.docx"))
        .containsExactly(Map.entry("id", "42"), Map.entry("file", "cv.docx"));
    assertThat(match("jobs/{id:guid}", "jobs/3f2504e0-4f89-11d3-9a0c-0305e82c3301")).containsEntry(
        "id", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assertThat(match("jobs/{id:guid}", "jobs/3F2504E04F8911D39A0C0305E82C3301")).isNotNull();
    assertThat(match("jobs/{id:guid}", "jobs/not-a-guid")).isNull();
    assertThat(match("n/{n:int}", "n/-12")).containsEntry("n", "-12");
    assertThat(match("n/{n:int}", "n/12a")).isNull();
    assertThat(match("n/{n:int}", "n/99999999999")).isNull();
    assertThat(match("n/{n:long}", "n/99999999999")).isNotNull();
    assertThat(match("a/{w:alpha}", "a/Word")).containsEntry("w", "Word");
    assertThat(match("a/{w:alpha}", "a/w0rd")).isNull();
    assertThat(match("b/{f:bool}", "b/TRUE")).isNotNull();
    assertThat(match("b/{f:bool}", "b/yes")).isNull();
    // unknown constraints are accepted and not checked
    assertThat(match("u/{x:minlength(4)}", "u/ab")).containsEntry("x", "ab");
    assertThat(match("u/{x:int:min(1)}", "u/0")).containsEntry("x", "0");
    assertThat(match("u/{x:int:min(1)}", "u/z")).isNull();
    // an empty segment never matches a parameter
    assertThat(match("u/{x}", "u/")).isNull();
  }

  @Test
  void optionalTrailingParameters() {
    assertThat(match("opt/{a}/{b?}", "opt/1")).containsExactly(Map.entry("a", "1"));
    assertThat(match("opt/{a}/{b?}", "opt/1/2")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(match("opt/{a}/{b?}", "opt/1/2/3")).isNull();
    assertThat(match("opt/{a?}/{b?}", "opt")).isEmpty();
    assertThat(match("opt/{n:int?}", "opt/x")).isNull();
    assertThat(match("opt/{n=5}", "opt")).isEmpty();
  }

  @Test
  void catchAllTakesTheRest() {
    assertThat(match("docs/{*path}", "docs/a/b/c.txt")).containsEntry("path", "a/b/c.txt");
    assertThat(match("docs/{*path}", "docs/a")).containsEntry("path", "a");
    assertThat(match("docs/{*path}", "docs")).isEmpty();
    assertThat(match("docs/{**path}", "docs/x/y")).containsEntry("path", "x/y");
  }

  @Test
  void unsupportedTemplatesAreRejectedWithTheReason() {
    assertThatThrownBy(() -> RouteTemplate.parse("files/{name}.{ext}")).hasMessageContaining("mixes text");
    assertThatThrownBy(() -> RouteTemplate.parse("a/{*rest}/b")).hasMessageContaining("must be last");
    assertThatThrownBy(() -> RouteTemplate.parse("a/{b?}/c")).hasMessageContaining("trailing");
    assertThatThrownBy(() -> RouteTemplate.parse("a/{x}/{X}")).hasMessageContaining("twice");
    assertThatThrownBy(() -> RouteTemplate.parse("a//b")).hasMessageContaining("empty segment");
    assertThatThrownBy(() -> RouteTemplate.parse("a/{1x}")).hasMessageContaining("invalid parameter name");
    assertThatThrownBy(() -> RouteTemplate.parse("  ")).hasMessageContaining("empty route");
  }

  @Test
  void precedencePutsLiteralsAndConstraintsFirst() {
    List<RouteTemplate> routes = new ArrayList<>(List.of(
        RouteTemplate.parse("jobs/{*rest}"),
        RouteTemplate.parse("jobs/{id}"),
        RouteTemplate.parse("jobs/{id:int}"),
        RouteTemplate.parse("jobs/latest"),
        RouteTemplate.parse("jobs/{id?}")));
    routes.sort(RouteTemplate.PRECEDENCE);
    assertThat(routes).extracting(RouteTemplate::template)
        .containsExactly("jobs/latest", "jobs/{id:int}", "jobs/{id}", "jobs/{id?}", "jobs/{*rest}");
  }
}
