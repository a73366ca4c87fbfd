package com.cvgen.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.CvInputException;
import com.cvgen.core.model.JobProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Odd and large postings: the reader answers with a valid job or a CvInputException, in linear time. */
class JobReaderRobustnessTest {
  private static final JobProfileReader READER = new JobProfileReader();

  private static final List<String> FRAGMENTS = List.of("Senior Java Developer (m/w/d)", "Anforderungen", "Requirements:",
      "Nice to have", "Ihre Aufgaben", "Profil recherché", "Un plus", "Langues", "Benefits", "Über uns", "- ", "• ",
      "* ", "1. ", "Kubernetes", "k8s", "C", "R", "Go", "C++", "C#", ".NET", "Node.js", "Spring Boot", "is a plus",
      "von Vorteil", "zwingend erforderlich", "keine Voraussetzung", "(", ")", "(z. B. ", "e.g.", ",", ";", ".", " und ",
      " or ", " et ", "5+ years of experience", "mindestens 3 Jahre", "3 à 5 ans d'expérience", "Bachelor", "Master",
      "Bac+5", "Abitur", "Englisch", "fließend", "C1", "Deutsch", "courant", "native", "Remote", "Hybrid",
      "Vollzeit", "CDI", "Acme GmbH · Berlin · Full-time", "Salary: 60.000 €", "Standort:", "Poste :", "\n", "\n\n",
      "\t", "   ", "ß", "é", "·", "–", "**", "## ", "€", "&", "R&D", "Title:", "", ":");

  @Test
  void randomPostingsGiveValidJobsOrInputErrors() {
    Random random = new Random(20261101);
    int read = 0;
    for (int n = 0; n < 300; n++) {
      StringBuilder sb = new StringBuilder();
      int parts = 5 + random.nextInt(120);
      for (int i = 0; i < parts; i++) {
        sb.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        if (random.nextInt(3) == 0) sb.append(' ');
      }
      String text = sb.toString();
      try {
        JobProfile job = READER.read(text.getBytes(StandardCharsets.UTF_8), "posting.txt");
        assertThat(JobProfileReader.validate(job)).as(text).isEmpty();
        assertThat(job.requirements().requiredSkills()).as(text)
            .filteredOn(job.requirements().preferredSkills()::contains).isEmpty();
        read++;
      } catch (CvInputException e) {
        assertThat(e.getMessage()).as(text).isNotBlank();
      }
    }
    assertThat(read).as("postings read").isGreaterThan(100);
  }

  @Test
  void aLargeOneParagraphPostingIsReadInLinearTime() {
    String text = "Senior Developer\nRequirements\n"
        + "Java, Python, Kubernetes and SQL are needed (Kafka preferred), 5 years of experience, ideally Rust. "
            .repeat(3000);
    long start = System.nanoTime();
    JobProfile job = READER.fromText(text);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(job.requirements().requiredSkills()).containsExactly("Java", "Python", "Kubernetes", "SQL");
    assertThat(job.requirements().preferredSkills()).containsExactly("Apache Kafka", "Rust");
    assertThat(millis).as("reading %d characters", text.length()).isLessThan(15_000);
  }

  @Test
  void deeplyNestedParenthesesAndLongLines() {
    String text = "Backend Developer\nAnforderungen\n- " + "(".repeat(20_000) + "Java" + ")".repeat(5_000)
        + "\n- " + "Kotlin ".repeat(20_000);
    JobProfile job = READER.fromText(text);
    assertThat(job.requirements().requiredSkills()).containsExactly("Java", "Kotlin");
  }
}
