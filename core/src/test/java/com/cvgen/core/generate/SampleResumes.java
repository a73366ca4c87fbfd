package com.cvgen.core.generate;

import com.cvgen.core.model.Award;
import com.cvgen.core.model.Basics;
import com.cvgen.core.model.Certificate;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.Interest;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.Project;
import com.cvgen.core.model.Publication;
import com.cvgen.core.model.Reference;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Volunteer;
import com.cvgen.core.model.Work;
import java.util.List;

/** Hand-built CVs for the generator tests: every section filled, in English, German and French. */
final class SampleResumes {
  private SampleResumes() {}

  /** An English CV with every section and field used. */
  static Resume english() {
    Basics basics = new Basics("Jane Doe", "Senior Software Engineer", null, "jane.doe@example.com",
        "+44 20 7946 0958", "https://janedoe.dev", """
        Backend engineer with ten years of experience building payment and logistics platforms.

        Happiest when turning slow, fragile systems into fast, boring ones.""",
        new Basics.Location("1 Main Street", "EC1A 1BB", "London", "GB", null),
        List.of(new Basics.Profile("GitHub", "janedoe", "https://github.com/janedoe"),
            new Basics.Profile("Mastodon", "@jane@example.social", null)));
    return new Resume(basics,
        List.of(
            new Work("Acme Payments Ltd", "London, UK", "Card payments processor", "Lead Engineer",
                "https://acme.example", "2021-03", null, "Leads the settlement team of six engineers.",
                List.of("Cut settlement batch time from 4 h to 20 min", "Introduced contract tests for 30 services")),
            new Work("Globex Logistics", "Manchester, UK", null, "Software Engineer", null, "2016-09",
                "2021-02", "Built the route planning backend.",
                List.of("Designed the parcel tracking API used by 2 million customers")),
            new Work("Initech", null, null, "Junior Developer", null, "2014", "2016-08", null, List.of())),
        List.of(new Volunteer("Code Club", "Mentor", "https://codeclub.example", "2018-01", null,
            "Teaches programming to children.", List.of("Ran 40 weekly sessions"))),
        List.of(
            new Education("University of Manchester", null, "Computer Science", "MSc", "2013-09", "2014-09",
                "Distinction", List.of("Distributed Systems", "Compilers")),
            new Education("University of Leeds", null, "Mathematics", "BSc", "2010", "2013", null, List.of())),
        List.of(new Award("Engineer of the Year", "2022-12-01", "Acme Payments Ltd", "For the settlement rewrite.")),
        List.of(new Certificate("AWS Certified Solutions Architect", "2020-05-15", "https://aws.example/cert",
            "Amazon Web Services")),
        List.of(new Publication("Boring Payments", "ACM Queue", "2023-06", "https://queue.example/boring",
            "How to make settlement systems predictable.")),
        List.of(new Skill("Languages", "Expert", List.of("Java", "Kotlin", "SQL")),
            new Skill("Infrastructure", null, List.of("Kubernetes", "Terraform"))),
        List.of(new Language("English", "Native speaker"), new Language("German", "Professional")),
        List.of(new Interest("Climbing", List.of("bouldering", "alpine routes"))),
        List.of(new Reference("John Smith, CTO Acme", "Jane is the engineer you want on a hard problem.")),
        List.of(new Project("Open Ledger", "An open-source double-entry ledger library.",
            List.of("500 GitHub stars"), List.of("Java", "PostgreSQL"), "2019-04", "2020-10",
            "https://github.com/janedoe/ledger", List.of("Author", "Maintainer"), null, "open source")),
        null);
  }

  /** A German CV with umlauts and ß in names, companies and institutions. */
  static Resume german() {
    Basics basics = new Basics("Jürgen Müller-Weiß", "Leitender Softwareentwickler", null,
        "juergen.mueller@example.de", "+49 89 123456", null,
        "Entwickler mit Schwerpunkt auf Energiesystemen und Datenplattformen.",
        new Basics.Location(null, "80331", "München", "DE", null), List.of());
    return new Resume(basics,
        List.of(
            new Work("Stadtwerke Böblingen GmbH", "Böblingen", null, "Teamleiter Softwareentwicklung", null,
                "2019-04", null, "Verantwortlich für die Abrechnungsplattform.",
                List.of("Migration von 1,2 Mio. Zählern auf die neue Plattform", "Aufbau eines Teams von acht Personen")),
            new Work("Bäckerei Schöne & Söhne KG", "Fürth", null, "Softwareentwickler", null, "2015-10",
                "2019-03", null, List.of("Warenwirtschaft für 25 Filialen entwickelt"))),
        List.of(),
        List.of(new Education("Technische Universität München", null, "Informatik", "Master of Science",
            "2012-10", "2015-09", "1,3", List.of("Datenbanksysteme", "Verteilte Systeme"))),
        List.of(), List.of(), List.of(),
        List.of(new Skill("Programmierung", null, List.of("Java", "Python", "Go"))),
        List.of(new Language("Deutsch", "Muttersprache"), new Language("Französisch", "gut")),
        List.of(), List.of(), List.of(), null);
  }

  /** A French CV with accented names, companies and institutions. */
  static Resume french() {
    Basics basics = new Basics("Hélène Lefèvre", "Ingénieure logiciel", null, "helene.lefevre@example.fr",
        "+33 1 23 45 67 89", "https://helene.example.fr",
        "Ingénieure passionnée par les systèmes embarqués et la qualité logicielle.",
        new Basics.Location(null, "69002", "Lyon", "FR", null),
        List.of(new Basics.Profile("LinkedIn", "hlefevre", "https://www.linkedin.com/in/hlefevre/")));
    return new Resume(basics,
        List.of(
            new Work("Société Générale des Équipements", "Lyon", null, "Ingénieure logiciel principale", null,
                "2020-01", null, null, List.of("Réduction de 30 % des anomalies en production")),
            new Work("Thalès Électronique", "Grenoble", null, "Développeuse C++", null, "2016-09",
                "2019-12", "Logiciel embarqué pour capteurs.", List.of())),
        List.of(),
        List.of(new Education("École Polytechnique Fédérale", null, "Génie électrique", "Diplôme d'ingénieur",
            "2011-09", "2016-06", null, List.of())),
        List.of(),
        List.of(new Certificate("Certification ISTQB", "2018-03", null, "Comité Français des Tests Logiciels")),
        List.of(),
        List.of(new Skill("Langages", null, List.of("C++", "Rust", "Python"))),
        List.of(new Language("Français", "langue maternelle"), new Language("Anglais", "courant")),
        List.of(new Interest("Randonnée", List.of())), List.of(), List.of(), null);
  }
}
