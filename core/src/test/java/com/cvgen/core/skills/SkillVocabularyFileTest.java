package com.cvgen.core.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The curated vocabulary file itself: well-formed, versioned, every spelling names exactly one term. */
class SkillVocabularyFileTest {
  private static final Set<String> CATEGORIES = Set.of("languages", "frameworks", "cloud", "data", "devops", "tools",
      "methods", "testing", "security", "mobile", "design", "ai", "engineering", "business", "soft-skills");
  private static JsonNode file;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = SkillVocabulary.class.getResourceAsStream(SkillVocabulary.RESOURCE)) {
      assertThat(in).as(SkillVocabulary.RESOURCE).isNotNull();
      file = Json.mapper().readTree(in);
    }
  }

  @Test
  void isVersionedAndHasOnlyKnownFields() {
    assertThat(file.path("version").asText()).matches("\\d{4}\\.\\d{2}-\\d+");
    assertThat(SkillVocabulary.defaults().version()).isEqualTo(file.path("version").asText());
    for (JsonNode term : file.path("terms")) {
      List<String> fields = new ArrayList<>();
      term.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).as(term.toString()).contains("name", "category", "aliases")
          .isSubsetOf("name", "category", "aliases", "exact", "context");
      assertThat(term.path("name").asText()).as(term.toString()).isNotBlank().isEqualTo(term.path("name").asText().strip());
      assertThat(CATEGORIES).as(term.toString()).contains(term.path("category").asText());
      assertThat(term.path("aliases").isArray()).as(term.toString()).isTrue();
      if (term.has("context")) assertThat(term.path("context").asText()).isIn("word", "list");
      if (term.has("context")) assertThat(term.has("exact")).as("a context applies to exact spellings: " + term).isTrue();
    }
  }

  @Test
  void everySpellingNamesExactlyOneTerm() {
    Map<String, String> owner = new HashMap<>();
    Set<String> names = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode term : file.path("terms")) {
      String name = term.path("name").asText();
      if (!names.add(name)) problems.add("duplicate term " + name);
      List<String> exact = new ArrayList<>();
      term.path("exact").forEach(e -> exact.add(e.asText()));
      Set<String> ownKeys = new HashSet<>();
      List<String> loose = new ArrayList<>();
      if (!exact.contains(name)) loose.add(name);
      term.path("aliases").forEach(a -> loose.add(a.asText()));
      for (String spelling : loose) {
        String key = TermMatcher.key(spelling);
        if (spelling.isBlank()) problems.add("blank spelling in " + name);
        if (!ownKeys.add(key)) problems.add("'" + spelling + "' repeats another spelling of " + name);
      }
      exact.forEach(e -> ownKeys.add(TermMatcher.key(e)));
      for (String key : ownKeys) {
        String previous = owner.putIfAbsent(key, name);
        if (previous != null && !previous.equals(name)) problems.add("'" + key + "' names " + previous + " and " + name);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(names).hasSizeBetween(400, 650);
  }

  @Test
  void everyCategoryHasTerms() {
    assertThat(SkillVocabulary.defaults().categories()).containsExactlyInAnyOrderElementsOf(CATEGORIES);
    for (String category : CATEGORIES) {
      long n = SkillVocabulary.defaults().terms().stream().filter(t -> t.category().equals(category)).count();
      assertThat(n).as(category).isGreaterThanOrEqualTo(8);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', textBlock = """
      JavaScript          ; JS|ECMAScript
      TypeScript          ; TS
      Kubernetes          ; k8s|kube
      PostgreSQL          ; Postgres|psql
      C#                  ; csharp|C Sharp
      C++                 ; cpp
      Node.js             ; NodeJS|Node
      React               ; React.js|ReactJS
      Amazon Web Services ; AWS
      Google Cloud        ; GCP
      Microsoft Azure     ; Azure
      Apache Kafka        ; Kafka
      project management  ; Projektmanagement|gestion de projet
      communication       ; Kommunikation
      leadership          ; Führung|Mitarbeiterführung
      teamwork            ; Teamfähigkeit|travail en équipe
      """)
  void curatedAliases(String name, String aliases) {
    SkillVocabulary.SkillTerm term = SkillVocabulary.defaults().canonical(name).orElseThrow();
    assertThat(term.name()).isEqualTo(name);
    assertThat(term.aliases()).contains(aliases.split("\\|"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', textBlock = """
      CI/CD       ; devops
      REST        ; methods
      GraphQL     ; methods
      Docker      ; devops
      Terraform   ; devops
      Spring Boot ; frameworks
      .NET        ; frameworks
      SQL         ; languages
      Git         ; tools
      Scrum       ; methods
      Agile       ; methods
      Figma       ; design
      OWASP       ; security
      Flutter     ; mobile
      JUnit       ; testing
      """)
  void curatedTermsAndTheirCategories(String name, String category) {
    assertThat(SkillVocabulary.defaults().canonical(name)).get()
        .satisfies(t -> assertThat(t.name()).isEqualTo(name))
        .satisfies(t -> assertThat(t.category()).isEqualTo(category));
  }
}
