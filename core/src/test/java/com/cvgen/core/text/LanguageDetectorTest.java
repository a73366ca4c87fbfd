package com.cvgen.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

  private static final String CV_EN =
      """
      Jane Smith
      Senior Software Engineer
      Bahnhofstrasse 12, 8001 Zürich | +41 44 123 45 67 | jane.smith@example.com | linkedin.com/in/janesmith

      Summary
      Software engineer with eight years of experience in building distributed systems for the
      financial sector. I enjoy turning vague requirements into reliable services and I have led
      small teams through the full delivery cycle, from the first design sketch to the production
      rollout and the on-call rotation that follows it.

      Experience
      Senior Software Engineer, Globex AG, Zürich — Mar 2021 – Present
      - Led the migration of the payment platform to Kubernetes, which cut the deployment time
        from two hours to ten minutes.
      - Designed an event-driven architecture with Kafka that processes 2M transactions per month.
      - Mentored four junior developers and introduced code reviews for all services.
      Software Engineer, Initech GmbH, Berlin — Jun 2017 – Feb 2021
      - Developed REST APIs in Java and Spring Boot for the customer portal.
      - Was responsible for the monitoring stack and improved the availability to 99.9%.

      Education
      M.Sc. Computer Science, ETH Zürich, 2015 – 2017
      B.Sc. Computer Science, University of Vienna, 2012 – 2015

      Skills
      Java, Kotlin, Spring Boot, Kafka, PostgreSQL, Kubernetes, Terraform, AWS

      Languages
      English (native), German (fluent), French (basic)
      """;

  private static final String CV_DE =
      """
      Max Mustermann
      Softwareentwickler
      Musterstraße 1, 10115 Berlin | +49 30 1234567 | max.mustermann@example.de

      Profil
      Erfahrener Softwareentwickler mit mehr als acht Jahren Berufserfahrung in der Entwicklung
      von verteilten Systemen für Banken und Versicherungen. Ich arbeite gerne im Team, übernehme
      Verantwortung für die Qualität der Software und begleite Projekte von der Anforderung bis
      zum Betrieb.

      Berufserfahrung
      Senior Softwareentwickler, Globex AG, Zürich — 03/2021 – heute
      - Leitung der Migration der Zahlungsplattform auf Kubernetes, wodurch die Zeit für ein
        Deployment von zwei Stunden auf zehn Minuten gesunken ist.
      - Entwurf einer ereignisgesteuerten Architektur mit Kafka für zwei Millionen Transaktionen
        pro Monat.
      - Betreuung von vier Nachwuchsentwicklern und Einführung von Code-Reviews für alle Dienste.
      Softwareentwickler, Initech GmbH, Berlin — 06/2017 – 02/2021
      - Entwicklung von REST-Schnittstellen mit Java und Spring Boot für das Kundenportal.
      - Verantwortlich für das Monitoring und die Verbesserung der Verfügbarkeit auf 99,9 %.

      Ausbildung
      M.Sc. Informatik, Technische Universität München, 2015 – 2017
      B.Sc. Informatik, Universität Wien, 2012 – 2015

      Kenntnisse
      Java, Kotlin, Spring Boot, Kafka, PostgreSQL, Kubernetes, Terraform, AWS

      Sprachen
      Deutsch (Muttersprache), Englisch (verhandlungssicher), Französisch (Grundkenntnisse)
      """;

  private static final String CV_FR =
      """
      Claire Dubois
      Ingénieure logicielle
      12 rue de la Paix, 75002 Paris | +33 6 12 34 56 78 | claire.dubois@example.fr

      Profil
      Ingénieure logicielle avec huit ans d'expérience dans le développement de systèmes
      distribués pour le secteur bancaire. J'aime transformer des besoins flous en services
      fiables et j'ai dirigé de petites équipes tout au long du cycle de livraison, de la
      première esquisse jusqu'à la mise en production.

      Expérience professionnelle
      Ingénieure logicielle senior, Globex SA, Genève — sept. 2020 à aujourd'hui
      - Pilotage de la migration de la plateforme de paiement vers Kubernetes, ce qui a réduit
        le temps de déploiement de deux heures à dix minutes.
      - Conception d'une architecture orientée événements avec Kafka qui traite deux millions
        de transactions par mois.
      - Encadrement de quatre développeurs juniors et mise en place des revues de code.
      Développeuse, Initech SARL, Lyon — janv. 2017 – août 2020
      - Développement d'API REST en Java et Spring Boot pour le portail client.
      - Responsable de la supervision et amélioration de la disponibilité à 99,9 %.

      Formation
      Master en informatique, Université de Lyon, 2015 – 2017
      Licence en informatique, Université de Grenoble, 2012 – 2015

      Compétences
      Java, Kotlin, Spring Boot, Kafka, PostgreSQL, Kubernetes, Terraform, AWS

      Langues
      Français (langue maternelle), anglais (courant), allemand (notions)
      """;

  static Stream<Arguments> fullCvs() {
    return Stream.of(
        Arguments.of(CV_EN, "en"), Arguments.of(CV_DE, "de"), Arguments.of(CV_FR, "fr"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("fullCvs")
  void fullCv(String cv, String language) {
    assertThat(cv.split("\\s+")).hasSizeGreaterThan(100);
    assertThat(LanguageDetector.detect(cv)).isEqualTo(language);
  }

  /** About twenty words: a summary line, a job description, a degree. */
  @ParameterizedTest(name = "[{index}] {1}: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          I have five years of experience in building backend services with Java and Spring, and I enjoy working in agile teams. | en
          Responsible for the design and the delivery of a data platform that is used by more than forty teams across the company. | en
          Led a team of six engineers and worked closely with product managers on the roadmap of our mobile banking application. | en
          Ich habe fünf Jahre Erfahrung in der Entwicklung von Backend-Diensten mit Java und arbeite gerne im Team mit anderen Entwicklern. | de
          Verantwortlich für den Entwurf und die Einführung einer Datenplattform, die von mehr als vierzig Teams im Unternehmen genutzt wird. | de
          Leitung eines Teams von sechs Ingenieuren und enge Zusammenarbeit mit dem Produktmanagement bei der Planung unserer App. | de
          J'ai cinq ans d'expérience dans le développement de services backend avec Java et j'aime travailler en équipe. | fr
          Responsable de la conception et de la mise en place d'une plateforme de données utilisée par plus de quarante équipes. | fr
          Encadrement d'une équipe de six ingénieurs et collaboration étroite avec les chefs de produit sur la feuille de route. | fr
          Tengo cinco años de experiencia en el desarrollo de servicios con Java y me gusta trabajar en equipo con otros desarrolladores. | es
          Ho cinque anni di esperienza nello sviluppo di servizi backend con Java e mi piace lavorare in un gruppo. | it
          Ik heb vijf jaar ervaring in de ontwikkeling van backend diensten met Java en ik werk graag in een team. | nl
          Tenho cinco anos de experiência no desenvolvimento de serviços com Java e gosto de trabalhar em equipe com outros colegas. | pt
          """)
  void shortText(String text, String language) {
    assertThat(LanguageDetector.detect(text)).isEqualTo(language);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "\n\t",
        "2019 2020 2021",
        "+41 44 123 45 67",
        "03/2021 – 06/2022",
        "Java, Python, SQL, Docker, Kubernetes, AWS, Terraform",
        "jane.smith@example.com | linkedin.com/in/janesmith | github.com/janesmith",
        "Jane Smith",
        "— • · | ( )",
        "Globex AG Zürich Initech GmbH München"
      })
  void undetermined(String text) {
    assertThat(LanguageDetector.detect(text)).isEqualTo(LanguageDetector.UNDETERMINED);
  }

  @Test
  void germanNamesAndPlacesDoNotMakeEnglishGerman() {
    String text =
        "Jürgen Müller, Hauptstraße 5, München. I worked for the Bäckerei Schröder as a manager "
            + "and I was responsible for the accounts of the shop.";
    assertThat(LanguageDetector.detect(text)).isEqualTo("en");
  }

  @Test
  void addressesDoNotCountAsWords() {
    // "com", "de", "in" inside addresses would otherwise score for Portuguese, French, Dutch...
    String text = "max@example.com www.example.de linkedin.com/in/max github.com/max " + CV_EN;
    assertThat(LanguageDetector.detect(text)).isEqualTo("en");
  }

  @Test
  void decomposedAccentsAreRead() {
    String nfd = java.text.Normalizer.normalize(CV_FR, java.text.Normalizer.Form.NFD);
    assertThat(LanguageDetector.detect(nfd)).isEqualTo("fr");
  }

  @Test
  void deterministic() {
    for (String text : new String[] {CV_EN, CV_DE, CV_FR, "la de en in a", ""}) {
      String first = LanguageDetector.detect(text);
      for (int i = 0; i < 20; i++) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(first);
      }
    }
  }
}
