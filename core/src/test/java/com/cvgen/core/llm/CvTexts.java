package com.cvgen.core.llm;

import com.cvgen.core.extract.TextDocument;
import com.cvgen.core.extract.TextLine;
import com.cvgen.core.extract.TextSpan;
import java.util.ArrayList;
import java.util.List;

/** Small laid-out CVs for the LLM structurer's tests. */
public final class CvTexts {
  private CvTexts() {}

  /** A one-page CV; lines starting with "# " are set as bold headings, "## " as the large name. */
  public static TextDocument document(String... lines) {
    List<TextLine> out = new ArrayList<>();
    float y = 60;
    for (String l : lines) {
      boolean heading = l.startsWith("# ");
      boolean name = l.startsWith("## ");
      String text = name ? l.substring(3) : heading ? l.substring(2) : l;
      float size = name ? 20 : heading ? 13 : 10;
      List<TextSpan> spans = new ArrayList<>();
      float x = 50;
      for (String part : text.split("\t")) {
        spans.add(new TextSpan(part, x, x + part.length() * 5f, y, size, heading || name, false, "Helvetica"));
        x += 300;
      }
      out.add(new TextLine(1, 0, spans, 14));
      y += size + 4;
    }
    return new TextDocument(List.of(new TextDocument.TextPage(1, 595, 842, out)));
  }

  public static TextDocument anna() {
    return document(
        "## Anna Schmidt",
        "Software Engineer",
        "anna.schmidt@example.com · +49 30 1234567 · Berlin",
        "linkedin.com/in/annaschmidt",
        "# Experience",
        "Senior Software Engineer\t03/2019 – present",
        "Globex GmbH, Berlin",
        "• Led the migration of the billing platform to Kubernetes",
        "• Mentored four junior engineers",
        "Software Engineer\t09/2015 – 02/2019",
        "Initech AG, Munich",
        "• Built the payment API in Java",
        "# Education",
        "Technische Universität Berlin\t2010 – 2015",
        "Master of Science in Computer Science",
        "# Skills",
        "Java, Kotlin, Kubernetes, PostgreSQL");
  }

  /** The answer a model would give for {@link #anna()}, in the strict schema (nulls included). */
  public static String annaAnswer(String email) {
    return """
        {"basics":{"name":"Anna Schmidt","label":"Software Engineer","email":%s,"phone":"+49 30 1234567",
          "url":null,"summary":null,
          "location":{"address":null,"postalCode":null,"city":"Berlin","countryCode":"DE","region":null},
          "profiles":[{"network":"LinkedIn","username":"annaschmidt","url":"https://linkedin.com/in/annaschmidt"}]},
         "work":[
          {"name":"Globex GmbH","location":"Berlin","description":null,"position":"Senior Software Engineer",
           "url":null,"startDate":"2019-03","endDate":null,"summary":null,
           "highlights":["Led the migration of the billing platform to Kubernetes","Mentored four junior engineers"]},
          {"name":"Initech AG","location":"Munich","description":null,"position":"Software Engineer","url":null,
           "startDate":"2015-09","endDate":"2019-02","summary":null,"highlights":["Built the payment API in Java"]}],
         "volunteer":[],
         "education":[{"institution":"Technische Universität Berlin","url":null,"area":"Computer Science",
           "studyType":"Master of Science","startDate":"2010","endDate":"2015","score":null,"courses":[]}],
         "awards":[],"certificates":[],"publications":[],
         "skills":[{"name":"Programming","level":null,"keywords":["Java","Kotlin","Kubernetes","PostgreSQL"]}],
         "languages":[],"interests":[],"references":[],"projects":[]}
        """.formatted(email == null ? "null" : "\"" + email + "\"");
  }
}
