package com.cvgen.core.generate;

import static com.cvgen.core.generate.DocxTestSupport.paragraphsInStyle;
import static com.cvgen.core.generate.DocxTestSupport.textsInStyle;
import static com.cvgen.core.generate.DocxTestSupport.writeAndOpen;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/** The structure of the Word CV, read back with POI. */
class DocxCvWriterTest {

  private final XWPFDocument english = writeAndOpen(SampleResumes.english(), OutputLanguage.EN);

  @Test
  void startsWithNameAsTitleThenLabelThenContactLine() {
    List<XWPFParagraph> paragraphs = english.getParagraphs();
    assertThat(paragraphs.get(0).getStyle()).isEqualTo(WordStyles.TITLE);
    assertThat(paragraphs.get(0).getText()).isEqualTo("Jane Doe");
    assertThat(paragraphs.get(1).getStyle()).isEqualTo(WordStyles.SUBTITLE);
    assertThat(paragraphs.get(1).getText()).isEqualTo("Senior Software Engineer");
    assertThat(paragraphs.get(2).getStyle()).isEqualTo(WordStyles.CONTACT);
    assertThat(paragraphs.get(2).getText()).isEqualTo("jane.doe@example.com\u00A0· +44 20 7946 0958\u00A0· "
        + "1 Main Street, EC1A 1BB London, GB\u00A0· janedoe.dev\u00A0· github.com/janedoe\u00A0· Mastodon: @jane@example.social");
    assertThat(english.getProperties().getCoreProperties().getTitle()).isEqualTo("Jane Doe");
  }

  @Test
  void contactLinksAreRealHyperlinks() {
    List<String> targets = english.getParagraphs().get(2).getRuns().stream()
        .filter(XWPFHyperlinkRun.class::isInstance)
        .map(r -> ((XWPFHyperlinkRun) r).getHyperlink(english).getURL())
        .toList();
    assertThat(targets).containsExactly("mailto:jane.doe@example.com", "https://janedoe.dev",
        "https://github.com/janedoe");
  }

  @Test
  void sectionsAreHeading1InSchemaOrderAndOnlyWhenFilled() {
    assertThat(textsInStyle(english, WordStyles.HEADING_1)).containsExactly("Summary", "Experience",
        "Education", "Skills", "Languages", "Certificates", "Projects", "Volunteering", "Awards",
        "Publications", "Interests", "References");
    XWPFDocument german = writeAndOpen(SampleResumes.german(), OutputLanguage.DE);
    assertThat(textsInStyle(german, WordStyles.HEADING_1))
        .containsExactly("Profil", "Berufserfahrung", "Ausbildung", "Kenntnisse", "Sprachen");
  }

  @Test
  void sectionHeadingsFollowTheOutputLanguage() {
    assertThat(textsInStyle(writeAndOpen(SampleResumes.english(), OutputLanguage.DE), WordStyles.HEADING_1))
        .containsExactly("Profil", "Berufserfahrung", "Ausbildung", "Kenntnisse", "Sprachen", "Zertifikate",
            "Projekte", "Ehrenamt", "Auszeichnungen", "Publikationen", "Interessen", "Referenzen");
    assertThat(textsInStyle(writeAndOpen(SampleResumes.english(), OutputLanguage.FR), WordStyles.HEADING_1))
        .containsExactly("Profil", "Expérience professionnelle", "Formation", "Compétences", "Langues",
            "Certifications", "Projets", "Bénévolat", "Distinctions", "Publications", "Centres d'intérêt",
            "Références");
  }

  @Test
  void entriesAreHeading2WithTheDateAfterARightTab() {
    assertThat(textsInStyle(english, WordStyles.HEADING_2)).containsExactly(
        "Lead Engineer — Acme Payments Ltd\tMar 2021 – present",
        "Software Engineer — Globex Logistics\tSep 2016 – Feb 2021",
        "Junior Developer — Initech\t2014 – Aug 2016",
        "MSc, Computer Science — University of Manchester\tSep 2013 – Sep 2014",
        "BSc, Mathematics — University of Leeds\t2010 – 2013",
        "Open Ledger\tApr 2019 – Oct 2020",
        "Mentor — Code Club\tJan 2018 – present",
        "Engineer of the Year — Acme Payments Ltd\t1 Dec 2022",
        "Boring Payments — ACM Queue\tJun 2023");
    XWPFParagraph first = paragraphsInStyle(english, WordStyles.HEADING_2).getFirst();
    XWPFRun dateRun = first.getRuns().getLast();
    assertThat(dateRun.getStyle()).isEqualTo(WordStyles.DATE);
    assertThat(dateRun.getCTR().getTabList()).hasSize(1);
  }

  @Test
  void datesAndPresentAreLocalized() {
    assertThat(textsInStyle(writeAndOpen(SampleResumes.english(), OutputLanguage.DE), WordStyles.HEADING_2))
        .contains("Lead Engineer — Acme Payments Ltd\tMärz 2021 – heute",
            "Engineer of the Year — Acme Payments Ltd\t1. Dez. 2022");
    assertThat(textsInStyle(writeAndOpen(SampleResumes.english(), OutputLanguage.FR), WordStyles.HEADING_2))
        .contains("Lead Engineer — Acme Payments Ltd\tmars 2021 – aujourd'hui",
            "Software Engineer — Globex Logistics\tsept. 2016 – févr. 2021");
  }

  @Test
  void entryDetailsSkillsAndLanguagesAreWritten() {
    assertThat(textsInStyle(english, WordStyles.ENTRY_META)).contains(
        "London, UK\u00A0· Card payments processor\u00A0· acme.example", "Manchester, UK",
        "Author, Maintainer\u00A0· open source\u00A0· github.com/janedoe/ledger", "— John Smith, CTO Acme");
    assertThat(textsInStyle(english, WordStyles.ENTRY)).containsExactly(
        "Grade: Distinction",
        "Courses: Distributed Systems, Compilers",
        "Languages (Expert): Java, Kotlin, SQL",
        "Infrastructure: Kubernetes, Terraform",
        "English — Native speaker",
        "German — Professional",
        "AWS Certified Solutions Architect — Amazon Web Services\u00A0· aws.example/cert\t15 May 2020",
        "Technologies: Java, PostgreSQL",
        "Climbing: bouldering, alpine routes");
    XWPFParagraph skill = paragraphsInStyle(english, WordStyles.ENTRY).get(2);
    assertThat(skill.getRuns().getFirst().getStyle()).isEqualTo(WordStyles.STRONG);
    assertThat(skill.getRuns().getFirst().text()).isEqualTo("Languages (Expert)");
    assertThat(textsInStyle(english, WordStyles.QUOTE))
        .containsExactly("Jane is the engineer you want on a hard problem.");
    assertThat(textsInStyle(english, WordStyles.NORMAL)).containsSubsequence(
        "Backend engineer with ten years of experience building payment and logistics platforms.",
        "Happiest when turning slow, fragile systems into fast, boring ones.",
        "Leads the settlement team of six engineers.");
  }

  @Test
  void highlightsAreAWordBulletListNotBulletCharacters() {
    List<XWPFParagraph> bullets = paragraphsInStyle(english, WordStyles.LIST_BULLET);
    assertThat(bullets).extracting(XWPFParagraph::getText).containsExactly(
        "Cut settlement batch time from 4 h to 20 min", "Introduced contract tests for 30 services",
        "Designed the parcel tracking API used by 2 million customers", "500 GitHub stars",
        "Ran 40 weekly sessions");
    BigInteger numId = bullets.getFirst().getNumID();
    assertThat(numId).isNotNull();
    assertThat(bullets).allSatisfy(p -> {
      assertThat(p.getNumID()).isEqualTo(numId);
      assertThat(p.getNumIlvl()).isEqualTo(BigInteger.ZERO);
    });
    XWPFAbstractNum list = english.getNumbering().getAbstractNum(english.getNumbering().getAbstractNumID(numId));
    assertThat(list.getCTAbstractNum().getLvlArray(0).getNumFmt().getVal()).isEqualTo(STNumberFormat.BULLET);
    assertThat(english.getParagraphs()).noneSatisfy(p -> assertThat(p.getText()).startsWith("•"));
  }

  @Test
  void stylesPartDefinesHeadingsWithOutlineLevels() throws IOException {
    XWPFStyle h1 = english.getStyles().getStyle(WordStyles.HEADING_1);
    XWPFStyle h2 = english.getStyles().getStyle(WordStyles.HEADING_2);
    assertThat(h1.getName()).isEqualTo("heading 1");
    assertThat(h2.getName()).isEqualTo("heading 2");
    assertThat(h1.getCTStyle().getPPr().getOutlineLvl().getVal()).isEqualTo(BigInteger.ZERO);
    assertThat(h2.getCTStyle().getPPr().getOutlineLvl().getVal()).isEqualTo(BigInteger.ONE);
    CTTabStop tab = h2.getCTStyle().getPPr().getTabs().getTabArray(0);
    assertThat(tab.getVal()).isEqualTo(STTabJc.RIGHT);
    assertThat(tab.getPos()).isEqualTo(BigInteger.valueOf(WordStyles.TEXT_WIDTH));

    PackagePart stylesPart = english.getPackage()
        .getPartsByName(java.util.regex.Pattern.compile("/word/styles.xml")).getFirst();
    try (InputStream in = stylesPart.getInputStream()) {
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(xml).containsPattern("w:styleId=\"Heading1\"[\\s\\S]*?<w:outlineLvl w:val=\"0\"/>");
      assertThat(xml).containsPattern("w:styleId=\"Heading2\"[\\s\\S]*?<w:outlineLvl w:val=\"1\"/>");
    }
  }

  @Test
  void everyParagraphAndRunStyleIsDefinedAndRunsCarryNoDirectFormatting() {
    for (XWPFParagraph p : english.getParagraphs()) {
      assertThat(english.getStyles().styleExist(p.getStyle())).as("style %s", p.getStyle()).isTrue();
      for (XWPFRun run : p.getRuns()) {
        if (run.getStyle() != null && !run.getStyle().isEmpty()) {
          assertThat(english.getStyles().styleExist(run.getStyle())).as("run style %s", run.getStyle()).isTrue();
        }
        CTRPr rpr = run.getCTR().getRPr();
        if (rpr != null) {
          // a character style reference is the only run property
          assertThat(rpr.getDomNode().getChildNodes().getLength()).as("run '%s'", run.text()).isEqualTo(1);
          assertThat(rpr.sizeOfRStyleArray()).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void pageIsA4PortraitWithTwoCentimetreMargins() {
    CTPageSz size = english.getDocument().getBody().getSectPr().getPgSz();
    assertThat(size.getW()).isEqualTo(BigInteger.valueOf(11906));
    assertThat(size.getH()).isEqualTo(BigInteger.valueOf(16838));
    CTPageMar margins = english.getDocument().getBody().getSectPr().getPgMar();
    assertThat(List.of(margins.getTop(), margins.getBottom(), margins.getLeft(), margins.getRight()))
        .containsOnly(BigInteger.valueOf(1134));
  }

  @Test
  void proofingLanguageFollowsTheOutputLanguage() {
    for (OutputLanguage language : OutputLanguage.values()) {
      XWPFDocument doc = writeAndOpen(SampleResumes.german(), language);
      String lang = doc.getStyles().getCtStyles().getDocDefaults().getRPrDefault().getRPr().getLangArray(0)
          .getVal();
      assertThat(lang).startsWith(language.code() + "-");
    }
  }
}
