package com.cvgen.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.jobs.RequirementsReader.KeywordGroup;
import com.cvgen.core.jobs.RequirementsReader.LanguageEntry;
import com.cvgen.core.jobs.Statement.Context;
import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.EducationLevel;
import com.cvgen.core.model.JobProfile.LanguageRequirement;
import com.cvgen.core.model.JobProfile.Requirements;
import com.cvgen.core.skills.SkillVocabulary;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requirements from single statements: years, degrees, languages with levels, required versus a plus. */
class RequirementsReaderTest {
  private static final RequirementsReader READER = new RequirementsReader(SkillVocabulary.defaults(), JobTerms.INSTANCE);

  private static Requirements read(Context context, String... texts) {
    return READER.read(Arrays.stream(texts).map(t -> new Statement(t, context)).toList(), List.of(), List.of(), null);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
      6+ years of professional experience in backend development       ; 6
      at least 3 years' experience with Java                            ; 3
      5-7 years of experience                                           ; 5
      5 to 7 years experience in consulting                             ; 5
      three years of professional experience                            ; 3
      Mindestens 5 Jahre Berufserfahrung                                ; 5
      3 - 5 Jahre Erfahrung in der Softwareentwicklung                  ; 3
      mindestens fünf Jahre Erfahrung als Entwickler                    ; 5
      3 ans d'expérience minimum                                        ; 3
      Au moins cinq ans d’expérience en ingénierie des données          ; 5
      3 à 5 ans d'expérience                                            ; 3
      Senior engineer with a strong track record                        ; -
      mehrjährige Berufserfahrung                                       ; -
      Bac+5 en informatique                                             ; -
      2 jours de télétravail par semaine                                ; -
      Ideally 8+ years of experience                                    ; -
      6+ years of backend development, at least 3 on the JVM            ; 6
      """)
  void yearsOfExperience(String text, Integer years) {
    assertThat(read(Context.REQUIRED, text).minYearsExperience()).isEqualTo(years);
  }

  @Test
  void yearsFromTheExperienceFieldOfAJsonJob() {
    Requirements r = READER.read(List.of(), List.of(), List.of(), "5+ years");
    assertThat(r.minYearsExperience()).isEqualTo(5);
    assertThat(READER.read(List.of(), List.of(), List.of(), "Senior").minYearsExperience()).isNull();
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
      Bachelor's degree in Computer Science or equivalent experience    ; BACHELOR
      Master's degree or PhD                                            ; MASTER
      PhD in physics or a related field                                 ; DOCTORATE
      Degree in engineering or equivalent practical experience          ; BACHELOR
      Bachelor's degree required, Master's preferred                    ; BACHELOR
      Abgeschlossenes Studium der Informatik                            ; BACHELOR
      Diplom oder Master in Informatik                                  ; MASTER
      Abgeschlossene Berufsausbildung oder Studium                      ; VOCATIONAL
      Ausbildung zum Fachinformatiker oder vergleichbare Qualifikation  ; VOCATIONAL
      Abitur                                                            ; SECONDARY
      Licence ou Master en informatique                                 ; BACHELOR
      Bac+5 (école d'ingénieur ou université)                           ; MASTER
      Master 2 en data science                                          ; MASTER
      Bac+2 minimum (BTS, DUT)                                          ; ASSOCIATE
      High school diploma                                               ; SECONDARY
      Certified Scrum Master                                            ; -
      A high degree of autonomy                                         ; -
      Experience with master data                                       ; -
      """)
  void educationLevel(String text, EducationLevel level) {
    assertThat(read(Context.REQUIRED, text).educationLevel()).isEqualTo(level);
  }

  @Test
  void aDegreeInANiceToHaveSectionSetsNoLevel() {
    assertThat(read(Context.PREFERRED, "Master's degree in statistics").educationLevel()).isNull();
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
      C1                              ; C1
      mindestens B2                   ; B2
      B2/C1                           ; B2
      fließend                        ; C1
      verhandlungssicher              ; C1
      Muttersprache                   ; NATIVE
      native speaker                  ; NATIVE
      courant                         ; C1
      bilingue                        ; C2
      gute Kenntnisse                 ; B2
      sehr gute Kenntnisse            ; C1
      Grundkenntnisse                 ; A2
      gute Grundkenntnisse            ; B1
      fluent                          ; C1
      Business fluent                 ; C1
      professional                    ; B2
      professionnel                   ; B2
      Professional working proficiency; B2
      intermediate                    ; B1
      notions                         ; A2
      beginner                        ; A1
      nice to have                    ; -
      """)
  void levelWords(String text, CefrLevel level) {
    assertThat(LanguageLevels.level(text).orElse(null)).isEqualTo(level);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
      Deutsch              ; German
      anglais              ; English
      Englischkenntnisse   ; English
      Français             ; French
      Spanish              ; Spanish
      Klingon              ; -
      Deutschland          ; -
      """)
  void languageNames(String text, String english) {
    assertThat(LanguageLevels.language(text).orElse(null)).isEqualTo(english);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
      # statement                                                        ; languages (name level required)
      Fluent English and German                                            ; English C1 true, German C1 true
      Deutsch und Englisch fließend                                        ; German C1 true, English C1 true
      Sehr gute Deutschkenntnisse (mindestens C1) und gute Englischkenntnisse (B2) ; German C1 true, English B2 true
      Fluent English, German is a plus                                     ; English C1 true, German - false
      Englisch, Französisch oder Spanisch sind von Vorteil                 ; English - false, French - false, Spanish - false
      Anglais courant, allemand apprécié                                   ; English C1 true, German - false
      Muttersprache Deutsch                                                ; German NATIVE true
      Deutsch fließend und Englisch von Vorteil                            ; German C1 true, English - false
      Fluency in German or French would be nice                            ; German C1 false, French C1 false
      Englisch verhandlungssicher                                          ; English C1 true
      Experience in the German market                                      ; -
      """)
  void languageRequirements(String text, String expected) {
    List<LanguageRequirement> found = read(Context.REQUIRED, text).languages();
    List<LanguageRequirement> want = expected == null ? List.of() : Arrays.stream(expected.split(",\\s*"))
        .map(e -> e.split(" "))
        .map(p -> new LanguageRequirement(p[0], p[1].equals("-") ? null : CefrLevel.valueOf(p[1]),
            Boolean.parseBoolean(p[2])))
        .toList();
    assertThat(found).containsExactlyElementsOf(want);
  }

  @Test
  void jsonLanguagesWithFluencies() {
    Requirements r = READER.read(List.of(), List.of(), List.of(new LanguageEntry("Englisch", "fließend"),
        new LanguageEntry("French", "Nice to have"), new LanguageEntry("Italian", "B1, a plus")), null);
    assertThat(r.languages()).containsExactly(new LanguageRequirement("English", CefrLevel.C1, true),
        new LanguageRequirement("French", null, false), new LanguageRequirement("Italian", CefrLevel.B1, false));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiterString = "=>", nullValues = "-", textBlock = """
      # requirement statement                                             => required     => preferred
      Java is required, Kotlin is a plus                                    => Java         => Kotlin
      Kenntnisse in Terraform, Ansible oder Pulumi sind von Vorteil         => -            => Terraform|Ansible|Pulumi
      Solid SQL and relational data modelling (PostgreSQL preferred)        => SQL|data modeling => PostgreSQL
      Erfahrung mit Docker und CI/CD-Pipelines (z. B. GitLab CI)            => Docker|CI/CD => GitLab
      Kotlin-Kenntnisse sind von Vorteil, aber keine Voraussetzung          => -            => Kotlin
      Maîtrise de Python ; Spark apprécié                                   => Python       => Apache Spark
      Connaissance d'un cloud public (AWS de préférence) et de Docker       => cloud computing|Docker => Amazon Web Services
      Python, idéalement aussi Rust                                         => Python       => Rust
      Go or Rust; React is a bonus                                          => Go|Rust      => React
      Strong Java skills, Kotlin preferred                                  => Java         => Kotlin
      Spark, Kafka sind ein Plus                                            => -            => Apache Spark|Apache Kafka
      Idealerweise Erfahrung mit Kafka, RabbitMQ                            => -            => Apache Kafka|RabbitMQ
      Experience with Kafka, ideally in production                          => Apache Kafka => -
      """)
  void requiredAgainstPreferredByCue(String text, String required, String preferred) {
    Requirements r = read(Context.REQUIRED, text);
    assertThat(r.requiredSkills()).containsExactlyElementsOf(names(required));
    assertThat(r.preferredSkills()).containsExactlyElementsOf(names(preferred));
  }

  @Test
  void sectionsSetTheStatusAndRequiredWins() {
    Requirements r = READER.read(List.of(
        new Statement("Senior Kotlin Developer", Context.TITLE),
        new Statement("Build services with Kafka and Kubernetes", Context.ROLE),
        new Statement("Experience with Kubernetes and PostgreSQL", Context.REQUIRED),
        new Statement("Scala, Kafka", Context.PREFERRED),
        new Statement("Go zwingend erforderlich", Context.PREFERRED),
        new Statement("We offer Jira licences and a Java book budget", Context.IGNORED),
        new Statement("We are a Python shop since 1999", Context.COMPANY)), List.of(), List.of(), null);
    assertThat(r.requiredSkills()).containsExactly("Kotlin", "Kubernetes", "PostgreSQL", "Go");
    assertThat(r.preferredSkills()).containsExactly("Apache Kafka", "Scala");
  }

  @Test
  void roleStatementsAreRequiredWhenThePostingListsNoRequirements() {
    Requirements r = read(Context.ROLE, "You will build Go services on Kubernetes with 4+ years of experience.");
    assertThat(r.requiredSkills()).containsExactly("Go", "Kubernetes");
    assertThat(r.preferredSkills()).isEmpty();
    assertThat(r.minYearsExperience()).isEqualTo(4);
    assertThat(read(Context.COMPANY, "We are a Python shop.").requiredSkills()).containsExactly("Python");
  }

  @Test
  void keywordGroupsKeepTheirStatusAndUnknownKeywordsStay() {
    Requirements r = READER.read(List.of(new Statement("Terraform is a plus", Context.REQUIRED)),
        List.of(new KeywordGroup(List.of("k8s", "Terraform", "Docker/Podman", "Quantum Widgets"), false),
            new KeywordGroup(List.of("Rust"), true)), List.of(), null);
    assertThat(r.requiredSkills()).containsExactly("Kubernetes", "Terraform", "Docker", "Podman", "Quantum Widgets");
    assertThat(r.preferredSkills()).containsExactly("Rust");
  }

  @Test
  void thePostingLanguageIsDetected() {
    assertThat(read(Context.REQUIRED, "Sie haben sehr gute Kenntnisse in der Entwicklung mit Java und Erfahrung im Team")
        .language()).isEqualTo("de");
    assertThat(read(Context.REQUIRED, "Java").language()).isNull();
  }

  private static List<String> names(String joined) {
    return joined == null ? List.of() : Arrays.stream(joined.split("\\|")).map(String::strip).toList();
  }
}
