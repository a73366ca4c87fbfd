package com.cvgen.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.json.Json;
import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.EducationLevel;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobProfile.LanguageRequirement;
import com.cvgen.core.model.JobProfile.Requirements;
import com.cvgen.core.model.Skill;
import com.cvgen.core.testing.PdfBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled sample jobs, a JSON job with extra fields and a PDF posting, read end to end. */
class JobProfileReaderTest {
  static final Path SAMPLES = Path.of("..", "local", "src", "main", "resources", "samples", "jobs");
  private static final JobProfileReader READER = new JobProfileReader();

  static JobProfile sample(String name) throws IOException {
    return READER.read(Files.readAllBytes(SAMPLES.resolve(name)), name);
  }

  @Test
  void englishJsonJob() throws IOException {
    JobProfile job = sample("en-senior-backend-engineer.json");
    assertThat(job.title()).isEqualTo("Senior Backend Engineer");
    assertThat(job.company()).isEqualTo("Harborline Freight Technologies");
    assertThat(job.remote()).isEqualTo("Hybrid");
    assertThat(job.location().city()).isEqualTo("Portland");
    assertThat(job.skills()).hasSize(6);

    Requirements r = job.requirements();
    assertThat(r.requiredSkills()).contains("Java", "Spring Boot", "REST", "gRPC", "Apache Kafka", "Kafka Streams",
        "PostgreSQL", "Redis", "Amazon Web Services", "Kubernetes", "Terraform", "Docker", "OpenTelemetry",
        "Prometheus", "Grafana", "SQL", "data modeling", "infrastructure as code");
    assertThat(r.preferredSkills()).contains("Kotlin").doesNotContain("PostgreSQL", "Java");
    assertThat(r.requiredSkills()).doesNotContain("Kotlin").doesNotHaveDuplicates();
    assertThat(r.requiredSkills()).doesNotContainAnyElementsOf(r.preferredSkills());
    assertThat(r.minYearsExperience()).isEqualTo(6);
    assertThat(r.educationLevel()).isEqualTo(EducationLevel.BACHELOR);
    assertThat(r.languages()).containsExactly(
        new LanguageRequirement("English", CefrLevel.C1, true),
        new LanguageRequirement("Spanish", null, false));
    assertThat(r.language()).isEqualTo("en");
  }

  @Test
  void germanTextPosting() throws IOException {
    JobProfile job = sample("de-stellenanzeige.txt");
    assertThat(job.title()).isEqualTo("Senior Java-Entwickler – Backend & Cloud");
    assertThat(job.company()).isEqualTo("Elbwerk Software GmbH");
    assertThat(job.location().city()).isEqualTo("Hamburg");
    assertThat(job.type()).isEqualTo("Full-time");
    assertThat(job.remote()).isEqualTo("Full");
    assertThat(job.experience()).isEqualTo("Senior");
    assertThat(job.salary()).contains("75.000 €", "90.000 €");
    assertThat(job.description()).startsWith("Die Elbwerk Software GmbH entwickelt").contains("Softwarearchitektur.");
    assertThat(job.responsibilities()).hasSize(5)
        .first().isEqualTo("Konzeption und Entwicklung von Microservices mit Java und Spring Boot");
    assertThat(job.qualifications()).hasSize(10)
        .contains("Sehr gute Deutschkenntnisse (mindestens C1) und gute Englischkenntnisse (B2)",
            "Kotlin-Kenntnisse sind von Vorteil, aber keine Voraussetzung");

    Requirements r = job.requirements();
    assertThat(r.requiredSkills()).containsExactlyInAnyOrder(
        "Java", "Spring Boot", "REST", "SQL", "PostgreSQL", "Docker", "Kubernetes", "CI/CD");
    assertThat(r.preferredSkills()).contains("Apache Kafka", "Terraform", "infrastructure as code", "leadership",
        "Kotlin", "Microsoft Azure", "GitLab", "software architecture", "microservices");
    assertThat(r.minYearsExperience()).isEqualTo(5);
    assertThat(r.educationLevel()).isEqualTo(EducationLevel.BACHELOR);
    assertThat(r.languages()).containsExactly(
        new LanguageRequirement("German", CefrLevel.C1, true),
        new LanguageRequirement("English", CefrLevel.B2, true));
    assertThat(r.language()).isEqualTo("de");
    // the derived skills, grouped by category, say the same as the requirements
    assertThat(job.skills()).filteredOn(s -> s.level().equals(JobProfileReader.REQUIRED))
        .flatExtracting(Skill::keywords).containsExactlyInAnyOrderElementsOf(r.requiredSkills());
    assertThat(job.skills()).filteredOn(s -> s.level().equals(JobProfileReader.NICE_TO_HAVE))
        .flatExtracting(Skill::keywords).containsExactlyInAnyOrderElementsOf(r.preferredSkills());
  }

  @Test
  void frenchTextPosting() throws IOException {
    JobProfile job = sample("fr-offre-emploi.txt");
    assertThat(job.title()).isEqualTo("Ingénieur·e data confirmé·e");
    assertThat(job.company()).isEqualTo("Saône Data Services");
    assertThat(job.location().city()).isEqualTo("Lyon");
    assertThat(job.location().postalCode()).isEqualTo("69002");
    assertThat(job.type()).isEqualTo("Permanent");
    assertThat(job.remote()).isEqualTo("Hybrid");
    assertThat(job.salary()).startsWith("50 000 €");
    assertThat(job.responsibilities()).hasSize(4);
    assertThat(job.qualifications()).hasSize(9).contains("Français courant");

    Requirements r = job.requirements();
    assertThat(r.requiredSkills()).contains("Python", "SQL", "Apache Spark", "Apache Airflow", "Docker")
        .doesNotContain("Amazon Web Services", "dbt", "Snowflake");
    assertThat(r.preferredSkills()).contains("Amazon Web Services", "dbt", "Snowflake", "data pipelines");
    assertThat(r.minYearsExperience()).isEqualTo(5);
    assertThat(r.educationLevel()).isEqualTo(EducationLevel.MASTER);
    assertThat(r.languages()).containsExactly(
        new LanguageRequirement("French", CefrLevel.C1, true),
        new LanguageRequirement("English", CefrLevel.B2, true));
    assertThat(r.language()).isEqualTo("fr");
  }

  @ParameterizedTest
  @ValueSource(strings = {"de-stellenanzeige.txt", "fr-offre-emploi.txt", "en-senior-backend-engineer.json"})
  void everySampleValidatesAndReadsTheSameWhenReadAgainAsJson(String name) throws IOException {
    JobProfile job = sample(name);
    assertThat(JobProfileReader.validate(job)).isEmpty();
    String json = Json.mapper().writeValueAsString(job);
    assertThat(JobProfileReader.JOB_SCHEMA.validate(Json.mapper().readTree(json))).isEmpty();

    JobProfile again = READER.fromJson(json);
    Requirements a = job.requirements();
    Requirements b = again.requirements();
    assertThat(b.requiredSkills()).containsExactlyInAnyOrderElementsOf(a.requiredSkills());
    assertThat(b.preferredSkills()).containsExactlyInAnyOrderElementsOf(a.preferredSkills());
    assertThat(b.minYearsExperience()).isEqualTo(a.minYearsExperience());
    assertThat(b.educationLevel()).isEqualTo(a.educationLevel());
    assertThat(b.language()).isEqualTo(a.language());
    assertThat(again.title()).isEqualTo(job.title());
  }

  @Test
  void jsonJobWithExtraFieldsAndStaleRequirements() {
    JobProfile job = READER.fromJson("""
        {
          "title": "Platform Engineer",
          "company": "Nordlicht Cloud GmbH",
          "x-internal-id": 4711,
          "department": {"name": "Infrastructure", "costCenter": "C-17"},
          "location": {"city": "Berlin", "countryCode": "DE", "timezone": "Europe/Berlin"},
          "remote": "Full",
          "qualifications": [
            "3-5 years of experience operating Go services",
            "Master's degree or PhD in a technical field",
            "Ideally some exposure to Rust"
          ],
          "skills": [
            {"name": "Core", "keywords": ["k8s", "Golang", "Terraform"]},
            {"name": "Bonus", "level": "Nice to have", "keywords": ["Nomad", "Rust"]}
          ],
          "languages": [{"language": "Deutsch", "fluency": "verhandlungssicher"}, "English"],
          "meta": {"version": "v1", "cvgen": {"requiredSkills": ["COBOL"], "educationLevel": "NOT-A-LEVEL"}}
        }
        """);
    assertThat(job.title()).isEqualTo("Platform Engineer");
    assertThat(job.location().countryCode()).isEqualTo("DE");
    assertThat(job.meta().version()).isEqualTo("v1");
    Requirements r = job.requirements();
    assertThat(r.requiredSkills()).containsExactly("Kubernetes", "Go", "Terraform");
    assertThat(r.preferredSkills()).containsExactly("Nomad", "Rust");
    assertThat(r.minYearsExperience()).isEqualTo(3);
    assertThat(r.educationLevel()).isEqualTo(EducationLevel.MASTER);
    assertThat(r.languages()).containsExactly(
        new LanguageRequirement("German", CefrLevel.C1, true),
        new LanguageRequirement("English", null, true));
    assertThat(JobProfileReader.validate(job)).isEmpty();
  }

  @Test
  void pdfPosting() {
    byte[] pdf = new PdfBuilder()
        .bold(60, 70, 18, "Platform Engineer (m/f/d)")
        .text(60, 95, "Nordlicht Cloud GmbH | Berlin, Germany | Full-time | Hybrid")
        .text(60, 120, "We run the cloud platform behind 40 product teams and are growing our platform group.")
        .bold(60, 150, 12, "Your tasks")
        .lines(60, 168, 14,
            "\u2022 Operate Kubernetes clusters on AWS with Terraform",
            "\u2022 Build CI/CD pipelines and internal tooling in Go",
            "\u2022 Take part in the on-call rotation")
        .bold(60, 225, 12, "Requirements")
        .lines(60, 243, 14,
            "\u2022 At least 4 years of experience with Linux and Terraform",
            "\u2022 Fluent English, German is a plus",
            "\u2022 Bachelor's degree in computer science or a comparable",
            "  qualification",
            "\u2022 Strong communication skills")
        .bold(60, 320, 12, "Nice to have")
        .lines(60, 338, 14, "\u2022 Python or Rust", "\u2022 Experience with Istio")
        .bold(60, 380, 12, "Benefits")
        .lines(60, 398, 14, "\u2022 Salary: 80,000 \u2013 95,000 \u20ac per year", "\u2022 30 days of vacation")
        .build();
    JobProfile job = READER.read(pdf, "platform-engineer.pdf");
    assertThat(job.title()).isEqualTo("Platform Engineer");
    assertThat(job.company()).isEqualTo("Nordlicht Cloud GmbH");
    assertThat(job.location().city()).isEqualTo("Berlin");
    assertThat(job.location().countryCode()).isEqualTo("DE");
    assertThat(job.type()).isEqualTo("Full-time");
    assertThat(job.remote()).isEqualTo("Hybrid");
    assertThat(job.description()).startsWith("We run the cloud platform");
    assertThat(job.responsibilities()).hasSize(3);
    assertThat(job.qualifications()).hasSize(6)
        .contains("Bachelor's degree in computer science or a comparable qualification");
    assertThat(job.salary()).contains("80,000");

    Requirements r = job.requirements();
    assertThat(r.requiredSkills()).containsExactlyInAnyOrder("Linux", "Terraform", "communication");
    assertThat(r.preferredSkills()).contains("Python", "Rust", "Istio", "Kubernetes", "Amazon Web Services", "Go",
        "CI/CD");
    assertThat(r.minYearsExperience()).isEqualTo(4);
    assertThat(r.educationLevel()).isEqualTo(EducationLevel.BACHELOR);
    assertThat(r.languages()).containsExactly(
        new LanguageRequirement("English", CefrLevel.C1, true),
        new LanguageRequirement("German", null, false));
    assertThat(r.language()).isEqualTo("en");
    assertThat(JobProfileReader.validate(job)).isEmpty();
  }

  @Test
  void markdownPostingWithLabels() {
    JobProfile job = READER.fromText("""
        # Stellenangebot

        **Stelle:** Data Analyst (w/m/d)
        **Unternehmen:** Rheinblick Versicherung AG
        **Standort:** 50667 Köln
        **Anstellungsart:** Teilzeit (30 Std.)

        ## Deine Aufgaben
        - Aufbau von Dashboards in Power BI
        - Ad-hoc-Analysen mit SQL und Python

        ## Das bringst du mit
        - Mindestens 2 Jahre Erfahrung in der Datenanalyse
        - Eine abgeschlossene Ausbildung oder ein Studium
        - Englisch: Grundkenntnisse
        - Tableau wünschenswert
        """);
    assertThat(job.title()).isEqualTo("Data Analyst");
    assertThat(job.company()).isEqualTo("Rheinblick Versicherung AG");
    assertThat(job.location().postalCode()).isEqualTo("50667");
    assertThat(job.location().city()).isEqualTo("Köln");
    assertThat(job.type()).isEqualTo("Part-time");
    Requirements r = job.requirements();
    assertThat(r.requiredSkills()).containsExactly("data analysis");
    assertThat(r.preferredSkills()).containsExactlyInAnyOrder("Power BI", "SQL", "Python", "Tableau");
    assertThat(r.minYearsExperience()).isEqualTo(2);
    assertThat(r.educationLevel()).isEqualTo(EducationLevel.VOCATIONAL);
    assertThat(r.languages()).containsExactly(new LanguageRequirement("English", CefrLevel.A2, true));
  }

  @Test
  void englishTextPostingWithLabelsAndBonusSection() {
    JobProfile job = READER.fromText("""
        Job title: Staff Frontend Engineer
        Company: Quill & Ink Inc.
        Location: Remote (EU time zones)
        Employment type: Contract

        About the role
        You will own our design system and the React codebase of the editor.

        What you'll do
        * Lead the migration from JavaScript to TypeScript
        * Improve accessibility and performance of the editor

        What you bring
        * 8+ years building web applications, including 3 with React
        * Deep knowledge of TypeScript, CSS and
          browser performance
        * Excellent written English
        * Fluency in German or French would be nice

        Bonus points
        * Experience with Svelte or Vue
        * Contributions to open source
        """);
    assertThat(job.title()).isEqualTo("Staff Frontend Engineer");
    assertThat(job.company()).isEqualTo("Quill & Ink Inc.");
    assertThat(job.remote()).isEqualTo("Full");
    assertThat(job.location()).isNull();
    assertThat(job.type()).isEqualTo("Contract");
    assertThat(job.experience()).isEqualTo("Senior");
    assertThat(job.description()).isEqualTo("You will own our design system and the React codebase of the editor.");
    assertThat(job.responsibilities()).containsExactly("Lead the migration from JavaScript to TypeScript",
        "Improve accessibility and performance of the editor");
    assertThat(job.qualifications()).contains("Deep knowledge of TypeScript, CSS and browser performance");
    Requirements r = job.requirements();
    assertThat(r.requiredSkills()).containsExactlyInAnyOrder("React", "TypeScript", "CSS");
    assertThat(r.preferredSkills()).contains("Svelte", "Vue.js", "design systems", "JavaScript", "accessibility");
    assertThat(r.minYearsExperience()).isEqualTo(8);
    assertThat(r.educationLevel()).isNull();
    assertThat(r.languages()).containsExactly(new LanguageRequirement("English", CefrLevel.C1, true),
        new LanguageRequirement("German", CefrLevel.C1, false), new LanguageRequirement("French", CefrLevel.C1, false));
    assertThat(JobProfileReader.validate(job)).isEmpty();
  }

  @Test
  void frenchTextPostingWithLabels() {
    JobProfile job = READER.fromText("""
        Poste : Chef de projet digital (F/H)
        Entreprise : Atelier Rhône SARL
        Lieu : 75011 Paris
        Type de contrat : CDI, temps plein

        Vos missions
        - Piloter les projets web de nos clients
        - Animer les cérémonies Scrum

        Compétences requises
        - Bac+3 minimum en gestion de projet ou communication
        - 3 à 5 ans d'expérience en gestion de projet
        - Maîtrise de Jira et Confluence
        - Anglais courant exigé
        - Une connaissance de Figma serait un plus
        """);
    assertThat(job.title()).isEqualTo("Chef de projet digital");
    assertThat(job.company()).isEqualTo("Atelier Rhône SARL");
    assertThat(job.location().postalCode()).isEqualTo("75011");
    assertThat(job.location().city()).isEqualTo("Paris");
    assertThat(job.type()).isEqualTo("Full-time");
    Requirements r = job.requirements();
    assertThat(r.requiredSkills()).containsExactlyInAnyOrder("project management", "communication", "Jira",
        "Confluence");
    assertThat(r.preferredSkills()).containsExactlyInAnyOrder("Figma", "Scrum");
    assertThat(r.minYearsExperience()).isEqualTo(3);
    assertThat(r.educationLevel()).isEqualTo(EducationLevel.BACHELOR);
    assertThat(r.languages()).containsExactly(new LanguageRequirement("English", CefrLevel.C1, true));
    assertThat(r.language()).isEqualTo("fr");
  }
}
