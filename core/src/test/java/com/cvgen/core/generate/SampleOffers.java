package com.cvgen.core.generate;

import com.cvgen.core.model.Basics;
import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.Certificate;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.EducationLevel;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobProfile.LanguageRequirement;
import com.cvgen.core.model.JobProfile.Requirements;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.MatchResult.Component;
import com.cvgen.core.model.Project;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Work;
import java.time.LocalDate;
import java.util.List;

/**
 * Hand-built offer cases for the tests: a CV, a job profile with normalised requirements and a
 * match result as the matcher would write it, in English, German and French (all fictional).
 */
final class SampleOffers {
  private SampleOffers() {}

  /** Everything {@link DocxOfferWriter#write} takes, but the output. */
  record Case(Resume cv, JobProfile job, MatchResult match, OutputLanguage language, LocalDate date) {}

  static final LocalDate DATE = LocalDate.of(2025, 3, 14);

  // ---- English ----------------------------------------------------------------------------------

  /** Jane Doe (the English sample CV) for a Java backend role at a bank. */
  static Case english() {
    JobProfile job = job("Senior Backend Engineer (Java)", "Northwind Bank plc",
        new Basics.Location(null, null, "London", "GB", null),
        new Requirements(List.of("Java", "Kubernetes", "PostgreSQL", "Kafka"), List.of("Terraform", "Python"),
            5, EducationLevel.BACHELOR,
            List.of(new LanguageRequirement("English", CefrLevel.C1, true),
                new LanguageRequirement("German", CefrLevel.B2, false)),
            "en"));
    MatchResult match = new MatchResult(78, "en",
        "A strong backend engineer whose skills cover most of the role; event streaming is the main gap.",
        List.of(
            new Component("title", "Job title", 0.05, 0.5, List.of("Engineer"), List.of("Backend"),
                "The current title shares the word Engineer with the role."),
            new Component("required_skills", "Required skills", 0.40, 0.75,
                List.of("Java", "Kubernetes", "PostgreSQL"), List.of("Kafka"),
                "Three of the four required skills appear in the CV; Kafka is not mentioned."),
            new Component("preferred_skills", "Preferred skills", 0.15, 0.5, List.of("Terraform"),
                List.of("Python"), "Terraform is listed; Python is not."),
            new Component("experience", "Experience", 0.20, 1.0, List.of("10 years of experience"), List.of(),
                "About ten years of professional experience against five required."),
            new Component("education", "Education", 0.10, 1.0, List.of("MSc Computer Science"), List.of(),
                "A master's degree meets the bachelor's level asked for."),
            new Component("languages", "Languages", 0.10, 1.0, List.of("English (native)", "German"), List.of(),
                "English is the candidate's native language; German is at a professional level.")));
    return new Case(SampleResumes.english(), job, match, OutputLanguage.EN, DATE);
  }

  // ---- German -----------------------------------------------------------------------------------

  /** A German CV with five positions, of which three show the job's skills. */
  static Resume germanCv() {
    Basics basics = new Basics("Katharina Schröder", "Leitende Backend-Entwicklerin", null,
        "k.schroeder@example.de", "+49 711 555 0100", null, """
        Backend-Entwicklerin mit neun Jahren Erfahrung in Energie- und Handelsunternehmen. Sie baut \
        robuste Plattformen mit Java und betreibt sie selbst in Kubernetes. Seit 2021 führt sie ein \
        Team von acht Personen. In ihrer Freizeit organisiert sie ein Meetup zu verteilten Systemen.""",
        new Basics.Location(null, "70173", "Stuttgart", "DE", null), List.of());
    return new Resume(basics,
        List.of(
            new Work("Kanzlei Huber & Partner", "Esslingen", null, "Praktikantin IT-Support", null, "2014-08",
                "2014-12", "Betreuung von 40 Arbeitsplätzen.", List.of()),
            new Work("Stadtwerke Böblingen GmbH", "Böblingen", "Kommunaler Energieversorger",
                "Leiterin Backend-Entwicklung", null, "2021-04", null,
                "Verantwortlich für die Abrechnungsplattform.",
                List.of("Aufbau eines Teams von acht Personen",
                    "Migration von 1,2 Mio. Zählern auf eine Kubernetes-Plattform",
                    "Einführung von Code-Reviews und Pair-Programming",
                    "Betrieb der PostgreSQL-Cluster mit 99,95 % Verfügbarkeit",
                    "Neue Abrechnungsdienste in Java 21 mit Spring Boot")),
            new Work("Bäckerei Schöne & Söhne KG", "Fürth", null, "Softwareentwicklerin", null, "2017-10",
                "2021-03", null,
                List.of("Kassenanbindung über REST-Schnittstellen", "Warenwirtschaft für 25 Filialen in Java entwickelt")),
            new Work("Allianz Deutschland AG", "München", null, "Werkstudentin Data Engineering", null, "2015-04",
                "2017-09", null, List.of("ETL-Strecken in Python für Schadensdaten", "Dashboards mit Tableau")),
            new Work("Café Sonnenschein", "Tübingen", null, "Aushilfe Service", null, "2012", "2014", null,
                List.of())),
        List.of(),
        List.of(
            new Education("Technische Universität München", null, "Informatik", "Master of Science", "2014-10",
                "2017-03", "1,4", List.of("Verteilte Systeme")),
            new Education("Universität Stuttgart", null, "Wirtschaftsinformatik", "Bachelor of Science", "2011-10",
                "2014-09", null, List.of())),
        List.of(),
        List.of(new Certificate("Certified Kubernetes Administrator", "2022-06", null, "CNCF")),
        List.of(),
        List.of(new Skill("Backend", null, List.of("Java", "Spring Boot", "PostgreSQL")),
            new Skill("Betrieb", null, List.of("Kubernetes", "Docker", "Prometheus"))),
        List.of(new Language("Deutsch", "Muttersprache"), new Language("Englisch", "verhandlungssicher (C1)"),
            new Language("Französisch", "Grundkenntnisse")),
        List.of(), List.of(),
        List.of(new Project("Zählerstand-App", "Open-Source-App zur Ablesung von Zählern.", List.of(),
            List.of("Kotlin", "PostgreSQL"), "2020-01", "2020-12", null, List.of(), null, null)),
        null);
  }

  static JobProfile germanJob() {
    return job("Teamleiter:in Backend-Entwicklung (m/w/d)", "Energieversorgung Süd AG",
        new Basics.Location(null, null, "Stuttgart", "DE", null),
        new Requirements(List.of("Java", "Kubernetes", "PostgreSQL"), List.of("Kafka", "Python", "Terraform"),
            6, EducationLevel.MASTER,
            List.of(new LanguageRequirement("de", CefrLevel.C1, true),
                new LanguageRequirement("en", CefrLevel.B2, true),
                new LanguageRequirement("fr", CefrLevel.B1, false)),
            "de"));
  }

  /** The German CV for a team lead role, with a match result written in German. */
  static Case german() {
    MatchResult match = new MatchResult(84, "de",
        "Erfüllt alle Muss-Anforderungen; bei den Kann-Kenntnissen fehlen Kafka und Terraform.",
        List.of(
            new Component("required_skills", "Muss-Kenntnisse", 0.40, 1.0,
                List.of("Java", "Kubernetes", "PostgreSQL"), List.of(),
                "Alle drei geforderten Kenntnisse sind im Lebenslauf belegt."),
            new Component("preferred_skills", "Kann-Kenntnisse", 0.15, 1.0 / 3, List.of("Python"),
                List.of("Kafka", "Terraform"), "Python ist belegt, Kafka und Terraform nicht."),
            new Component("experience", "Berufserfahrung", 0.20, 1.0, List.of("10 Jahre Berufserfahrung"), List.of(),
                "Rund zehn Jahre Berufserfahrung bei sechs geforderten."),
            new Component("education", "Ausbildung", 0.10, 1.0, List.of("Master of Science Informatik"), List.of(),
                "Der Masterabschluss erfüllt die Anforderung."),
            new Component("languages", "Sprachen", 0.10, 0.8, List.of("Deutsch (Muttersprache)", "Englisch (C1)"),
                List.of("Französisch (B1)"), "Deutsch und Englisch erfüllt, Französisch nur Grundkenntnisse."),
            new Component("title", "Berufsbezeichnung", 0.05, 1.0, List.of("Backend-Entwicklung"), List.of(),
                "Die aktuelle Position entspricht der ausgeschriebenen.")));
    return new Case(germanCv(), germanJob(), match, OutputLanguage.DE, DATE);
  }

  // ---- French -----------------------------------------------------------------------------------

  static Resume frenchCv() {
    Basics basics = new Basics("Hélène Lefèvre", "Ingénieure logiciel", null, "helene.lefevre@example.fr",
        "+33 1 23 45 67 89", null,
        "Ingénieure passionnée par la qualité logicielle et les plateformes de données. Dix ans de développement "
            + "en Python et en C++, dont quatre à la tête de projets critiques.",
        new Basics.Location(null, "69002", "Lyon", "FR", null), List.of());
    return new Resume(basics,
        List.of(
            new Work("Société Générale des Équipements", "Lyon", null, "Ingénieure logiciel principale", null,
                "2020-01", null, null,
                List.of("Réduction de 30 % des anomalies en production",
                    "Migration des services Python vers Kubernetes",
                    "Mise en place de tests automatisés sur PostgreSQL")),
            new Work("Thalès Électronique", "Grenoble", null, "Développeuse C++", null, "2016-09", "2019-12",
                "Logiciel embarqué pour capteurs. Revue de code et intégration continue.", List.of()),
            new Work("Orange Labs", "Lannion", null, "Stagiaire développement", null, "2016-02", "2016-07", null,
                List.of("Prototype d'analyse de données en Python"))),
        List.of(),
        List.of(new Education("École Polytechnique Fédérale", null, "Génie électrique", "Diplôme d'ingénieur",
            "2011-09", "2016-06", null, List.of())),
        List.of(),
        List.of(new Certificate("Certification ISTQB", "2018-03", null, "Comité Français des Tests Logiciels")),
        List.of(),
        List.of(new Skill("Langages", null, List.of("C++", "Rust", "Python")),
            new Skill("Données", null, List.of("PostgreSQL"))),
        List.of(new Language("Français", "langue maternelle"), new Language("Anglais", "courant")),
        List.of(), List.of(), List.of(), null);
  }

  /** The French CV for a senior Python role; the matcher wrote English labels, so ours are used. */
  static Case french() {
    JobProfile job = job("Ingénieur·e logiciel Python senior", "Crédit Lyonnais des Alpes",
        new Basics.Location(null, null, "Lyon", "FR", null),
        new Requirements(List.of("Python", "Kubernetes", "Rust"), List.of("Java", "PostgreSQL"), 5,
            EducationLevel.MASTER,
            List.of(new LanguageRequirement("Français", CefrLevel.NATIVE, true),
                new LanguageRequirement("Anglais", CefrLevel.C1, true)),
            "fr"));
    MatchResult match = new MatchResult(71, "en", null,
        List.of(
            new Component("required_skills", "Required skills", 0.45, 1.0, List.of("Python", "Kubernetes", "Rust"),
                List.of(), "All three required skills are in the CV."),
            new Component("preferred_skills", "Preferred skills", 0.15, 0.5, List.of("PostgreSQL"),
                List.of("Java"), "PostgreSQL yes, Java no."),
            new Component("experience", null, 0.2, 1.0, List.of("9 ans"), List.of(), null),
            new Component("education", null, 0.1, 1.0, List.of("Diplôme d'ingénieur"), List.of(), null),
            new Component("languages", null, 0.1, 1.0, List.of("Français", "Anglais"), List.of(), null)));
    return new Case(frenchCv(), job, match, OutputLanguage.FR, DATE);
  }

  static JobProfile job(String title, String company, Basics.Location location, Requirements requirements) {
    return new JobProfile(title, company, "Full-time", null, null, location, null, null, null, List.of(),
        List.of(), List.of(), null).withRequirements(requirements);
  }

  /** Every matched item the match result lists, in component order. */
  static List<String> matchedItems(MatchResult match) {
    return match.components().stream().flatMap(c -> c.matched().stream()).toList();
  }
}
