package com.cvgen.core.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.core.json.Json;
import com.cvgen.core.skills.SkillVocabulary.SkillMention;
import com.cvgen.core.skills.SkillVocabulary.SkillTerm;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillVocabularyTest {
  private static final SkillVocabulary VOCABULARY = SkillVocabulary.defaults();

  /** The canonical names found in a text, in order, joined by "|" ("" when none). */
  private static String found(String text) {
    return VOCABULARY.find(text).stream().map(m -> m.term().name()).collect(Collectors.joining("|"));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      # text                                                   ; canonical names found, in order
      We use Go and Python                                     ; Go|Python
      Golang services                                          ; Go
      We are going to Google                                   ;
      go to the office                                         ;
      Go-Live im März                                          ;
      Languages: Go, Rust, C                                   ; Go|Rust|C
      Java, C and C++                                          ; Java|C|C++
      C/C++                                                    ; C|C++
      experience in C#                                         ; C#
      Vitamin C for the team                                   ;
      C-level stakeholders                                     ;
      Java and JavaScript                                      ; Java|JavaScript
      JavaScript (ES6) and TypeScript                          ; JavaScript|JavaScript|TypeScript
      Java-Entwickler (m/w/d)                                  ; Java
      Python, R and SQL                                        ; Python|R|SQL
      statistics in R.                                         ; statistics|R
      our R&D department                                       ;
      R&D in Python                                            ; Python
      Plan R of the project                                    ;
      .NET and ASP.NET Core                                    ; .NET|ASP.NET
      VB.NET legacy                                            ; Visual Basic
      see example.net for details                              ;
      deploy to k8s with kube tooling                          ; Kubernetes|Kubernetes
      Postgres or PostgreSQL                                   ; PostgreSQL|PostgreSQL
      Node.js, NodeJS and Node                                 ; Node.js|Node.js|Node.js
      Next.js on Vercel                                        ; Next.js
      mynode.js module                                         ;
      react quickly                                            ;
      React and Vue                                            ; React|Vue.js
      point de vue                                             ;
      the rest of the team                                     ;
      REST-Schnittstellen und RESTful APIs                     ; REST|REST
      Spring-Boot-Anwendungen mit Spring                       ; Spring Boot|Spring
      machine\u0020learning                                    ; machine learning
      CI/CD-Pipelines (z. B. GitLab CI)                        ; CI/CD|GitLab
      Projektmanagement und Kommunikation                      ; project management|communication
      Erfahrung in der fachlichen Führung kleiner Teams        ; leadership
      Geschäftsführung                                         ;
      gestion de projet et esprit d’équipe                     ; project management|teamwork
      Sehr gute Kommunikationsfähigkeit und Teamfähigkeit      ; communication|teamwork
      capacité d'analyse, autonomie                            ; analytical thinking|independence
      Apache Kafka or Kafka Streams                            ; Apache Kafka|Kafka Streams
      AWS, GCP and Azure                                       ; Amazon Web Services|Google Cloud|Microsoft Azure
      Amazon Web Services                                      ; Amazon Web Services
      email me at go@example.com                               ;
      SQL Server and MS SQL                                    ; Microsoft SQL Server|Microsoft SQL Server
      Tableau de bord mensuel                                  ;
      Power BI or Tableau                                      ; Power BI|Tableau
      chef de projet                                           ;
      Ansible, Puppet or Chef                                  ; Ansible|Puppet|Chef
      Ingénieur·e data                                         ;
      Objective-C and Swift                                    ; Objective-C|Swift
      SWIFT payments                                           ;
      Unit-Tests und Integrationstests                         ; unit testing|integration testing
      """)
  void findsWholeTermsOnly(String text, String expected) {
    assertThat(found(text.replace("\\u0020", "\n"))).isEqualTo(expected == null ? "" : expected);
  }

  @Test
  void mentionsCarryTheirPositionsAndDoNotOverlap() {
    String text = "Backend: ASP.NET Core, C++ and Spring Boot on k8s.";
    List<SkillMention> mentions = VOCABULARY.find(text);
    assertThat(mentions).extracting(m -> text.substring(m.from(), m.to()))
        .containsExactly("ASP.NET Core", "C++", "Spring Boot", "k8s");
    for (int i = 1; i < mentions.size(); i++) {
      assertThat(mentions.get(i).from()).isGreaterThanOrEqualTo(mentions.get(i - 1).to());
    }
  }

  @Test
  void multiWordTermsSpanLineBreaksAndHyphens() {
    assertThat(found("continuous\nintegration, Infrastructure-as-Code")).isEqualTo("CI/CD|infrastructure as code");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', textBlock = """
      JS                  ; JavaScript
      ECMAScript          ; JavaScript
      TS                  ; TypeScript
      k8s                 ; Kubernetes
      kube                ; Kubernetes
      Postgres            ; PostgreSQL
      psql                ; PostgreSQL
      csharp              ; C#
      C Sharp             ; C#
      cpp                 ; C++
      NodeJS              ; Node.js
      ReactJS             ; React
      React.js            ; React
      AWS                 ; Amazon Web Services
      GCP                 ; Google Cloud
      Azure               ; Microsoft Azure
      Kafka               ; Apache Kafka
      golang              ; Go
      go                  ; Go
      dotnet              ; .NET
      spring-boot         ; Spring Boot
      Projektmanagement   ; project management
      gestion de projet   ; project management
      Kommunikation       ; communication
      Führung             ; leadership
      Mitarbeiterführung  ; leadership
      Fuehrung            ; Fuehrung
      Teamfähigkeit       ; teamwork
      travail en équipe   ; teamwork
      ci/cd,              ; CI/CD
      Scrum               ; Scrum
      agile Methoden      ; Agile
      Wunderwaffe         ; Wunderwaffe
      """)
  void aliasesMapToTheirCanonicalName(String alias, String canonical) {
    assertThat(VOCABULARY.canonicalName(alias)).isEqualTo(canonical);
  }

  @Test
  void unknownTextHasNoCanonicalTerm() {
    assertThat(VOCABULARY.canonical("Quantum knitting")).isEmpty();
    assertThat(VOCABULARY.canonical("  ")).isEmpty();
    assertThat(VOCABULARY.canonical(null)).isEmpty();
    assertThat(VOCABULARY.canonicalName("  Kotlin Multiplatform ")).isEqualTo("Kotlin Multiplatform");
  }

  @Test
  void termsCarryCategoriesAndAliases() {
    SkillTerm kubernetes = VOCABULARY.canonical("Kubernetes").orElseThrow();
    assertThat(kubernetes.category()).isEqualTo("cloud");
    assertThat(kubernetes.aliases()).contains("k8s", "kube").doesNotContain("Kubernetes");
    assertThat(VOCABULARY.canonical("Go").orElseThrow().aliases()).containsExactly("Golang");
    assertThat(VOCABULARY.categories()).contains("languages", "frameworks", "cloud", "data", "devops", "tools",
        "methods", "soft-skills", "business", "design", "security", "mobile", "testing");
    assertThat(VOCABULARY.version()).matches("\\d{4}\\.\\d{2}-\\d+");
    assertThat(VOCABULARY.terms()).hasSizeBetween(400, 650);
  }

  @Test
  void termsInListsDistinctTermsInOrderOfFirstMention() {
    assertThat(VOCABULARY.termsIn("k8s, Docker, Kubernetes and docker"))
        .extracting(SkillTerm::name).containsExactly("Kubernetes", "Docker");
  }

  @Test
  void everyCanonicalNameAndAliasIsFoundInText() {
    for (SkillTerm term : VOCABULARY.terms()) {
      for (String spelling : concat(term.name(), term.aliases())) {
        String text = "Skills: " + spelling + ", more";
        assertThat(VOCABULARY.find(text))
            .as("'%s' in \"%s\"", spelling, text)
            .singleElement()
            .satisfies(m -> {
              assertThat(m.term()).isEqualTo(term);
              assertThat(text.substring(m.from(), m.to())).isEqualTo(spelling);
            });
        assertThat(VOCABULARY.canonical(spelling)).as(spelling).contains(term);
      }
    }
  }

  @Test
  void rejectsTwoTermsWithOneSpelling() throws Exception {
    var json = Json.mapper().readTree("""
        {"version": "t-1", "terms": [
          {"name": "Kubernetes", "category": "cloud", "aliases": ["k8s"]},
          {"name": "K8S tooling", "category": "devops", "aliases": ["K8s"]}]}""");
    assertThatThrownBy(() -> SkillVocabulary.parse(json))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'K8s'").hasMessageContaining("Kubernetes");
  }

  @Test
  void findIsFastOnAPostingSizedText() {
    String paragraph = "We are looking for a senior engineer with Java, Spring Boot, Kubernetes and PostgreSQL; "
        + "experience with Apache Kafka, Terraform and AWS is a plus. Sehr gute Kommunikationsfähigkeit, "
        + "Teamfähigkeit und Erfahrung in der Führung. Gestion de projet, méthodes agiles, CI/CD. ";
    String text = paragraph.repeat(5000 / paragraph.length() + 1);
    assertThat(text.length()).isGreaterThan(5000);
    int expected = VOCABULARY.find(text).size();
    assertThat(expected).isGreaterThan(100);
    long start = System.nanoTime();
    int total = 0;
    for (int i = 0; i < 10_000; i++) total += VOCABULARY.find(text).size();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(total).isEqualTo(expected * 10_000);
    assertThat(millis).as("10k finds on 5 KB").isLessThan(5_000);
  }

  private static List<String> concat(String first, List<String> rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
  }
}
