package com.cvgen.core.generate;

import static com.cvgen.core.generate.DocxTestSupport.paragraphsInStyle;
import static com.cvgen.core.generate.DocxTestSupport.textsInStyle;
import static com.cvgen.core.generate.OfferTestSupport.allParagraphs;
import static com.cvgen.core.generate.OfferTestSupport.cells;
import static com.cvgen.core.generate.OfferTestSupport.section;
import static com.cvgen.core.generate.OfferTestSupport.writeAndOpen;
import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.model.MatchResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The structure of the Word offer, read back with POI. */
class OfferDocxWriterTest {

  private final XWPFDocument english = writeAndOpen(SampleOffers.english());
  private final XWPFDocument german = writeAndOpen(SampleOffers.german());
  private final XWPFDocument french = writeAndOpen(SampleOffers.french());

  @Test
  void stylesPartIsTheOneTheCvUses() throws IOException {
    for (OutputLanguage language : OutputLanguage.values()) {
      XWPFDocument cv = DocxTestSupport.writeAndOpen(SampleResumes.english(), language);
      SampleOffers.Case c = SampleOffers.german();
      XWPFDocument offer = writeAndOpen(c.cv(), c.job(), c.match(), language, c.date());
      assertThat(stylesXml(offer)).as("styles part in %s", language).isEqualTo(stylesXml(cv));
    }
  }

  @Test
  void everyStyleIsFromTheSharedSetAndNothingIsFormattedDirectly() {
    for (XWPFDocument doc : List.of(english, german, french)) {
      for (XWPFParagraph p : allParagraphs(doc)) {
        assertThat(p.getStyle()).as("paragraph '%s'", p.getText()).isNotNull();
        assertThat(doc.getStyles().styleExist(p.getStyle())).as("style %s", p.getStyle()).isTrue();
        if (p.getCTP().getPPr() != null) {
          // a style reference, and the bullet numbering on list items, are the only paragraph properties
          assertThat(childNames(p.getCTP().getPPr().getDomNode())).as("pPr of '%s'", p.getText())
              .isSubsetOf("w:pStyle", "w:numPr");
        }
        for (XWPFRun run : p.getRuns()) {
          CTRPr rpr = run.getCTR().getRPr();
          if (rpr == null) continue;
          assertThat(childNames(rpr.getDomNode())).as("run '%s'", run.text()).containsExactly("w:rStyle");
          assertThat(doc.getStyles().styleExist(run.getStyle())).as("run style %s", run.getStyle()).isTrue();
        }
      }
      for (XWPFTable table : doc.getTables()) {
        assertThat(childNames(table.getCTTbl().getTblPr().getDomNode()))
            .isSubsetOf("w:tblStyle", "w:tblW", "w:tblInd", "w:tblLayout", "w:tblLook");
        for (XWPFTableRow row : table.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            assertThat(childNames(cell.getCTTc().getTcPr().getDomNode())).containsExactly("w:tcW");
          }
        }
      }
    }
  }

  @Test
  void coverBlockNamesCandidateRoleCompanyAndDate() {
    List<XWPFParagraph> p = english.getParagraphs();
    assertThat(p.get(0).getStyle()).isEqualTo(WordStyles.OVERLINE);
    assertThat(p.get(0).getText()).isEqualTo("Candidate proposal");
    assertThat(p.get(1).getStyle()).isEqualTo(WordStyles.TITLE);
    assertThat(p.get(1).getText()).isEqualTo("Jane Doe");
    assertThat(p.subList(2, 6)).extracting(XWPFParagraph::getText).containsExactly(
        "Proposed role: Senior Backend Engineer (Java)", "Company: Northwind Bank plc", "Location: London, GB",
        "Date: 14 March 2025");
    assertThat(p.subList(2, 6)).allSatisfy(line -> {
      assertThat(line.getStyle()).isEqualTo(WordStyles.ENTRY);
      assertThat(line.getRuns().getFirst().getStyle()).isEqualTo(WordStyles.STRONG);
    });
    assertThat(german.getParagraphs().subList(0, 6)).extracting(XWPFParagraph::getText).containsExactly(
        "Kandidatenvorschlag", "Katharina Schröder",
        "Vorgeschlagene Position: Teamleiter:in Backend-Entwicklung (m/w/d)",
        "Unternehmen: Energieversorgung Süd AG", "Arbeitsort: Stuttgart, DE", "Datum: 14. März 2025");
    assertThat(french.getParagraphs().subList(0, 6)).extracting(XWPFParagraph::getText).containsExactly(
        "Proposition de candidat", "Hélène Lefèvre", "Poste proposé\u00A0: Ingénieur·e logiciel Python senior",
        "Entreprise\u00A0: Crédit Lyonnais des Alpes", "Lieu de travail\u00A0: Lyon, FR", "Date\u00A0: 14 mars 2025");
    assertThat(english.getProperties().getCoreProperties().getTitle()).isEqualTo("Candidate proposal — Jane Doe");
  }

  @Test
  void sectionHeadingsAreLocalized() {
    assertThat(textsInStyle(english, WordStyles.HEADING_1)).containsExactly("Profile", "Match with the role",
        "Relevant experience", "Requirements and evidence", "Languages", "Education");
    assertThat(textsInStyle(german, WordStyles.HEADING_1)).containsExactly("Profil", "Passung zur Position",
        "Relevante Berufserfahrung", "Anforderungen und Nachweise", "Sprachen", "Ausbildung");
    assertThat(textsInStyle(french, WordStyles.HEADING_1)).containsExactly("Profil", "Adéquation au poste",
        "Expérience pertinente", "Exigences et justificatifs", "Langues", "Formation");
  }

  @Test
  void profileIsTheLabelAndTheFirstSentencesOfTheSummary() {
    List<XWPFParagraph> profile = section(german, "Profil", WordStyles.HEADING_1);
    assertThat(profile).hasSize(1);
    assertThat(profile.getFirst().getText()).isEqualTo("Leitende Backend-Entwicklerin — Backend-Entwicklerin mit "
        + "neun Jahren Erfahrung in Energie- und Handelsunternehmen. Sie baut robuste Plattformen mit Java und "
        + "betreibt sie selbst in Kubernetes. Seit 2021 führt sie ein Team von acht Personen.");
    assertThat(profile.getFirst().getRuns().getFirst().getStyle()).isEqualTo(WordStyles.STRONG);
  }

  @Test
  void scoreIsLargeWithMetRequirementsRequiredFirstThenGapsAndReasoning() {
    List<XWPFParagraph> score = paragraphsInStyle(english, WordStyles.SCORE);
    assertThat(score).extracting(XWPFParagraph::getText).containsExactly("78 / 100");
    assertThat(score.getFirst().getRuns().getLast().getStyle()).isEqualTo(WordStyles.SCORE_SCALE);
    assertThat(english.getStyles().getStyle(WordStyles.SCORE).getCTStyle().getRPr().getSzArray(0).getVal())
        .isEqualTo(BigInteger.valueOf(72));

    List<XWPFParagraph> match = section(english, "Match with the role", WordStyles.HEADING_1);
    assertThat(match).extracting(XWPFParagraph::getText).containsSubsequence(
        "A strong backend engineer whose skills cover most of the role; event streaming is the main gap.",
        "Requirements met",
        "Required skills: Java, Kubernetes, PostgreSQL",
        "Preferred skills: Terraform",
        "Experience: 10 years of experience",
        "Education: MSc Computer Science",
        "Languages: English (native), German",
        "Job title: Engineer",
        "Gaps",
        "Required skills: Kafka",
        "Preferred skills: Python",
        "Job title: Backend",
        "Assessment in detail",
        "Required skills (75%, weight 40%): Three of the four required skills appear in the CV; Kafka is not mentioned.");
    assertThat(paragraphsInStyle(english, WordStyles.HEADING_2)).extracting(XWPFParagraph::getText)
        .containsSubsequence("Requirements met", "Gaps", "Assessment in detail");
  }

  @Test
  void theMatchersLabelsAreUsedOnlyWhenItWroteInTheOfferLanguage() {
    // the French case's match result is in English: our French labels replace the matcher's
    assertThat(section(french, "Exigences satisfaites", WordStyles.HEADING_2)).extracting(XWPFParagraph::getText)
        .startsWith("Compétences obligatoires\u00A0: Python, Kubernetes, Rust",
            "Compétences souhaitables\u00A0: PostgreSQL", "Expérience\u00A0: 9 ans");
    // the German one is in German: the matcher's labels stay
    assertThat(section(german, "Erfüllte Anforderungen", WordStyles.HEADING_2)).extracting(XWPFParagraph::getText)
        .startsWith("Muss-Kenntnisse: Java, Kubernetes, PostgreSQL", "Kann-Kenntnisse: Python");
  }

  @Test
  void mostRelevantPositionsComeFirstWithTheirBestHighlights() {
    List<XWPFParagraph> experience = section(german, "Relevante Berufserfahrung", WordStyles.HEADING_1);
    assertThat(experience.stream().filter(p -> WordStyles.HEADING_2.equals(p.getStyle()))
        .map(XWPFParagraph::getText)).containsExactly(
        "Leiterin Backend-Entwicklung — Stadtwerke Böblingen GmbH\tApr. 2021 – heute",
        "Softwareentwicklerin — Bäckerei Schöne & Söhne KG\tOkt. 2017 – März 2021",
        "Werkstudentin Data Engineering — Allianz Deutschland AG\tApr. 2015 – Sept. 2017",
        "Weitere Stationen");
    assertThat(experience).extracting(XWPFParagraph::getText).containsSubsequence(
        "Leiterin Backend-Entwicklung — Stadtwerke Böblingen GmbH\tApr. 2021 – heute",
        "Böblingen\u00A0· Bezug zur Position: Java, Kubernetes, PostgreSQL",
        "Migration von 1,2 Mio. Zählern auf eine Kubernetes-Plattform",
        "Betrieb der PostgreSQL-Cluster mit 99,95 % Verfügbarkeit",
        "Neue Abrechnungsdienste in Java 21 mit Spring Boot",
        "Softwareentwicklerin — Bäckerei Schöne & Söhne KG\tOkt. 2017 – März 2021",
        "Fürth\u00A0· Bezug zur Position: Java",
        "Warenwirtschaft für 25 Filialen in Java entwickelt",
        "Kassenanbindung über REST-Schnittstellen");
    // highlights that show nothing of the job are left out once three that do are there
    assertThat(experience).extracting(XWPFParagraph::getText)
        .doesNotContain("Aufbau eines Teams von acht Personen", "Einführung von Code-Reviews und Pair-Programming");
    // the positions that show nothing of the job, in CV order, one line each
    assertThat(experience.stream().filter(p -> WordStyles.ENTRY.equals(p.getStyle())).map(XWPFParagraph::getText))
        .containsExactly("Praktikantin IT-Support — Kanzlei Huber & Partner\tAug. 2014 – Dez. 2014",
            "Aushilfe Service — Café Sonnenschein\t2012 – 2014");
  }

  @Test
  void requirementTableHasOneRowPerRequirementWithVerdictAndEvidence() {
    assertThat(english.getTables()).hasSize(1);
    XWPFTable table = english.getTables().getFirst();
    assertThat(table.getStyleID()).isEqualTo(WordStyles.TABLE);
    List<List<String>> rows = cells(table);
    assertThat(rows.getFirst()).containsExactly("Requirement", "Priority", "Status", "Evidence in the CV");
    assertThat(table.getRow(0).isRepeatHeader()).isTrue();
    assertThat(paragraphsOf(table.getRow(0))).allSatisfy(p -> assertThat(p.getStyle()).isEqualTo(WordStyles.TABLE_HEADING));
    List<List<String>> body = rows.subList(1, rows.size());
    assertThat(body).extracting(r -> r.get(0)).containsExactly("Java", "Kubernetes", "PostgreSQL", "Apache Kafka",
        "Terraform", "Python", "At least 5 years of professional experience", "Bachelor's degree or higher",
        "English (C1)", "German (B2)");
    assertThat(body).extracting(r -> r.get(1)).containsExactly("required", "required", "required", "required",
        "preferred", "preferred", "required", "required", "required", "preferred");
    assertThat(body).extracting(r -> r.get(2)).containsExactly("✓\u00A0met", "✓\u00A0met", "✓\u00A0met",
        "✗\u00A0not met", "✓\u00A0met", "✗\u00A0not met", "✓\u00A0met", "✓\u00A0met", "✓\u00A0met", "✓\u00A0met");
    assertThat(body.get(0).get(3)).contains("Skills: Languages").contains("Project Open Ledger");
    assertThat(body.get(2).get(3)).isEqualTo("Project Open Ledger");
    assertThat(body.get(3).get(3)).isEqualTo("not found in the CV");
    assertThat(body.get(6).get(3)).isEqualTo("10 years of experience");
    assertThat(body.get(7).get(3)).contains("MSc, Computer Science — University of Manchester");
    assertThat(body.get(8).get(3)).isEqualTo("English — Native speaker");
    for (int i = 1; i < table.getNumberOfRows(); i++) {
      XWPFRun status = table.getRow(i).getCell(2).getParagraphs().getFirst().getRuns().getFirst();
      assertThat(status.getStyle()).isEqualTo(status.text().startsWith("✓") ? WordStyles.POSITIVE : WordStyles.NEGATIVE);
      assertThat(paragraphsOf(table.getRow(i))).allSatisfy(p -> assertThat(p.getStyle()).isEqualTo(WordStyles.TABLE_TEXT));
    }
    // one paragraph per piece of evidence
    assertThat(table.getRow(1).getCell(3).getParagraphs()).hasSizeGreaterThan(1);
  }

  @Test
  void requirementTableIsLocalized() {
    List<List<String>> de = cells(german.getTables().getFirst());
    assertThat(de.getFirst()).containsExactly("Anforderung", "Priorität", "Status", "Nachweis im Lebenslauf");
    assertThat(de.subList(1, de.size())).extracting(r -> r.get(0) + " | " + r.get(1) + " | " + r.get(2))
        .containsExactly(
            "Java | erforderlich | ✓\u00A0erfüllt",
            "Kubernetes | erforderlich | ✓\u00A0erfüllt",
            "PostgreSQL | erforderlich | ✓\u00A0erfüllt",
            "Apache Kafka | wünschenswert | ✗\u00A0nicht erfüllt",
            "Python | wünschenswert | ✓\u00A0erfüllt",
            "Terraform | wünschenswert | ✗\u00A0nicht erfüllt",
            "Mindestens 6 Jahre Berufserfahrung | erforderlich | ✓\u00A0erfüllt",
            "Mindestens Master oder Diplom | erforderlich | ✓\u00A0erfüllt",
            "Deutsch (C1) | erforderlich | ✓\u00A0erfüllt",
            "Englisch (B2) | erforderlich | ✓\u00A0erfüllt",
            "Französisch (B1) | wünschenswert | ✗\u00A0nicht erfüllt");
    List<List<String>> fr = cells(french.getTables().getFirst());
    assertThat(fr.getFirst()).containsExactly("Exigence", "Priorité", "Statut", "Justificatif dans le CV");
    assertThat(fr.subList(1, fr.size())).extracting(r -> r.get(0) + " | " + r.get(1) + " | " + r.get(2))
        .contains("Java | souhaitable | ✗\u00A0non satisfaite",
            "Au minimum Bac+5 (master, diplôme d'ingénieur) | obligatoire | ✓\u00A0satisfaite",
            "Français (langue maternelle) | obligatoire | ✓\u00A0satisfaite");
  }

  @Test
  void tableStyleDefinesRulesAndATintedRepeatedHeaderRow() throws IOException {
    String styles = stylesXml(english);
    assertThat(styles).containsPattern(
        "w:type=\"table\"[^>]*w:styleId=\"CvTable\"[\\s\\S]*?<w:tblBorders>[\\s\\S]*?<w:insideH w:val=\"single\"");
    assertThat(styles).containsPattern(
        "<w:tblStylePr w:type=\"firstRow\">[\\s\\S]*?<w:tblHeader/>[\\s\\S]*?<w:shd [^>]*w:fill=\"DCE4F2\"");
  }

  @Test
  void withoutComponentsOnlyTheScoreAndSummaryAreShown() {
    SampleOffers.Case c = SampleOffers.english();
    XWPFDocument doc = writeAndOpen(c.cv(), c.job(), new MatchResult(64, "en", "Decent overall.", List.of()),
        OutputLanguage.EN, c.date());
    assertThat(section(doc, "Match with the role", WordStyles.HEADING_1)).extracting(XWPFParagraph::getText)
        .containsExactly("64 / 100", "Overall match with the job requirements, out of 100", "Decent overall.");
    // the table still has every requirement, judged on the CV's evidence alone
    List<List<String>> rows = cells(doc.getTables().getFirst());
    assertThat(rows).hasSize(11);
    assertThat(rows.get(4)).containsExactly("Apache Kafka", "required", "✗\u00A0not met", "not found in the CV");
    assertThat(rows.get(7).get(3)).isEqualTo("11 years in 3 positions");
  }

  @Test
  void noGapsIsSaidInWords() {
    SampleOffers.Case c = SampleOffers.english();
    MatchResult allMet = new MatchResult(95, "en", null, List.of(new MatchResult.Component("required_skills",
        "Required skills", 1.0, 1.0, List.of("Java"), List.of(), "All there.")));
    XWPFDocument doc = writeAndOpen(c.cv(), c.job(), allMet, OutputLanguage.EN, c.date());
    assertThat(section(doc, "Gaps", WordStyles.HEADING_2)).extracting(XWPFParagraph::getText)
        .startsWith("No gaps against the stated requirements.");
  }

  @Test
  void pageIsA4Portrait() {
    for (XWPFDocument doc : List.of(english, german, french)) {
      CTPageSz size = doc.getDocument().getBody().getSectPr().getPgSz();
      assertThat(size.getW()).isEqualTo(BigInteger.valueOf(WordStyles.PAGE_WIDTH));
      assertThat(size.getH()).isEqualTo(BigInteger.valueOf(WordStyles.PAGE_HEIGHT));
    }
  }

  private static List<XWPFParagraph> paragraphsOf(XWPFTableRow row) {
    return row.getTableCells().stream().flatMap(c -> c.getParagraphs().stream()).toList();
  }

  private static List<String> childNames(Node node) {
    NodeList children = node.getChildNodes();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeType() == Node.ELEMENT_NODE) names.add(children.item(i).getNodeName());
    }
    return names;
  }

  static String stylesXml(XWPFDocument doc) throws IOException {
    var part = doc.getPackage().getPartsByName(Pattern.compile("/word/styles.xml")).getFirst();
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
