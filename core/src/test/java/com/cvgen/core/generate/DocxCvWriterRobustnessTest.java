package com.cvgen.core.generate;

import static com.cvgen.core.generate.DocxTestSupport.open;
import static com.cvgen.core.generate.DocxTestSupport.textsInStyle;
import static com.cvgen.core.generate.DocxTestSupport.write;
import static com.cvgen.core.generate.DocxTestSupport.writeAndOpen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Any resume, however empty or hostile, gives a valid document. */
class DocxCvWriterRobustnessTest {

  /** Markup, XML specials, control characters, a lone surrogate, noncharacters and odd whitespace. */
  static final String HOSTILE = "<script>alert('x')</script> & \"Co\" ]]> \u0000\u0001\u0007\u000B\u000C\u001B"
      + "\u007F\u0085\u009F\uDFFF\uD800\uFFFE\uFFFF\t tab\r\nline\u2028sep 😀 é";

  private static final DocumentBuilderFactory XML = DocumentBuilderFactory.newInstance();

  static {
    XML.setNamespaceAware(true);
  }

  @ParameterizedTest
  @EnumSource(OutputLanguage.class)
  void emptyResumeGivesAValidEmptyDocument(OutputLanguage language) throws IOException {
    Resume empty = new Resume(null, null, null, null, null, null, null, null, null, null, null, null, null);
    byte[] docx = write(empty, language);
    assertWellFormedParts(docx);
    XWPFDocument doc = open(docx);
    assertThat(doc.getParagraphs()).hasSize(1);
    assertThat(doc.getParagraphs().getFirst().getText()).isEmpty();
    assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW()).isNotNull();
  }

  @Test
  void nullsEverywhereAreLeftOut() throws IOException {
    Basics basics = new Basics(null, null, null, null, null, null, null,
        new Basics.Location(null, null, null, null, null), List.of(new Basics.Profile(null, null, null)));
    Resume resume = new Resume(basics,
        listOf(new Work(null, null, null, "Only A Position", null, null, null, null, null),
            new Work(null, null, null, null, null, null, null, null, null),
            new Work("Only A Company", null, null, null, null, "2020-13", "soon", null, listOf((String) null)),
            new Work(null, null, null, null, null, "2019-05", null, null, null)),
        listOf(new Volunteer(null, null, null, null, null, null, null)),
        listOf(new Education("Only An Institution", null, null, null, null, null, null, null),
            new Education(null, "https://example.com", null, null, null, null, null, List.of())),
        listOf(new Award(null, "2020", null, null)),
        listOf(new Certificate(null, "2020-01", null, null)),
        listOf(new Publication(null, null, null, null, null)),
        listOf(new Skill(null, null, listOf("Java", null, " ")), new Skill(null, null, null)),
        listOf(new Language("Esperanto", null), new Language(null, null)),
        listOf(new Interest(null, null)),
        listOf(new Reference("Only A Name", null), new Reference(null, null)),
        listOf(new Project(null, null, null, null, null, null, null, null, null, null)),
        null);

    XWPFDocument doc = writeAndOpen(resume, OutputLanguage.EN);

    assertThat(textsInStyle(doc, WordStyles.TITLE)).isEmpty();
    assertThat(textsInStyle(doc, WordStyles.CONTACT)).isEmpty();
    assertThat(textsInStyle(doc, WordStyles.HEADING_1))
        .containsExactly("Experience", "Education", "Skills", "Languages", "References");
    assertThat(textsInStyle(doc, WordStyles.HEADING_2))
        .containsExactly("Only A Position", "Only A Company", "\tMay 2019 – present", "Only An Institution");
    assertThat(textsInStyle(doc, WordStyles.ENTRY)).containsExactly("Java", "Esperanto", "Only A Name");
    assertThat(doc.getParagraphs()).allSatisfy(p -> assertThat(p.getText()).doesNotContain("null"));
  }

  @Test
  void entriesWithOnlyUnreadableDatesLeaveNoEmptySection() {
    Resume resume = new Resume(null,
        List.of(new Work(null, null, null, null, null, "sometime", "later", null, null)), null,
        List.of(new Education(null, null, null, null, "2020-13", null, null, null)),
        null, null, null, null, null, null, null, null, null);
    assertThat(textsInStyle(writeAndOpen(resume, OutputLanguage.EN), WordStyles.HEADING_1)).isEmpty();
  }

  @Test
  void hostileTextIsInsertedAsCleanLiteralText() throws IOException {
    Basics basics = new Basics(HOSTILE, HOSTILE, null, "bad\u0000@example.com", HOSTILE, "javascript:alert(1)",
        HOSTILE, new Basics.Location(HOSTILE, null, null, null, null),
        List.of(new Basics.Profile(HOSTILE, HOSTILE, "https://exa mple.com/<x>")));
    Resume resume = new Resume(basics,
        List.of(new Work(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, "2021-01", null, HOSTILE,
            List.of(HOSTILE, HOSTILE))),
        List.of(), List.of(new Education(HOSTILE, null, HOSTILE, HOSTILE, null, null, HOSTILE, List.of(HOSTILE))),
        List.of(), List.of(), List.of(), List.of(new Skill(HOSTILE, HOSTILE, List.of(HOSTILE))), List.of(),
        List.of(), List.of(new Reference(HOSTILE, HOSTILE)), List.of(), null);

    byte[] docx = write(resume, OutputLanguage.FR);
    assertWellFormedParts(docx);
    // the markup is character data, not elements
    org.w3c.dom.Document documentXml = parse(partBytes(docx, "word/document.xml"));
    assertThat(documentXml.getElementsByTagName("script").getLength()).isZero();
    assertThat(documentXml.getDocumentElement().getTextContent()).contains("<script>alert('x')</script> & \"Co\"");

    XWPFDocument doc = open(docx);
    String cleaned = "<script>alert('x')</script> & \"Co\" ]]> tab line sep 😀 é";
    assertThat(WordStyles.clean(HOSTILE)).isEqualTo(cleaned);
    assertThat(textsInStyle(doc, WordStyles.TITLE)).containsExactly(cleaned);
    for (XWPFParagraph p : doc.getParagraphs()) {
      assertThat(p.getText()).doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF]")
          .doesNotContainPattern("\\p{Cs}"); // a lone surrogate; pairs match as one code point
    }
    // the address is linked once cleaned; a javascript: URI and URLs with spaces or markup are not
    assertThat(doc.getHyperlinks()).extracting(h -> h.getURL()).containsExactly("mailto:bad@example.com");
  }

  @Test
  void veryLongStringsAreWritten() {
    // random letters: text that repeats too regularly trips POI's zip-bomb guard when reopening
    Random random = new Random(7);
    String longWord = text(random, "abcdefghijklmnopqrstuvwxyz", 20_000);
    String longText = text(random, "abcdefghijklmnopqrstuvwxyz     ", 200_000).strip();
    List<String> manyHighlights = new ArrayList<>();
    for (int i = 0; i < 500; i++) manyHighlights.add("Highlight " + i + " " + longText.substring(0, 300));
    Resume resume = new Resume(
        new Basics(longWord, longText, null, null, null, null, longText, null, List.of()),
        List.of(new Work(longWord, null, null, longText, null, "2020", null, longText, manyHighlights)),
        null, null, null, null, null, null, null, null, null, null, null);

    XWPFDocument doc = writeAndOpen(resume, OutputLanguage.DE);

    assertThat(textsInStyle(doc, WordStyles.TITLE)).containsExactly(longWord);
    assertThat(textsInStyle(doc, WordStyles.LIST_BULLET)).hasSize(500);
    assertThat(textsInStyle(doc, WordStyles.HEADING_2).getFirst())
        .isEqualTo(WordStyles.clean(longText) + " — " + longWord + "\t2020 – heute");
    assertThat(doc.getProperties().getCoreProperties().getTitle()).hasSize(255);
  }

  @Test
  void randomTextFromANastyAlphabetAlwaysGivesAValidDocument() {
    Random random = new Random(20240531L);
    String alphabet = "aZ09 <>&'\"\t\n\r\u0000\u0001\u001F\u007F\u0085\u00A0äöüßéàç€\u2028\uFFFE\uFFFF\uD83D\uDE00\uD800"
        + "]]>-–—·•/\\:;";
    for (int round = 0; round < 30; round++) {
      Resume resume = randomResume(random, alphabet);
      OutputLanguage language = OutputLanguage.values()[round % 3];
      assertThatNoException().as("round %d", round).isThrownBy(() -> {
        byte[] docx = write(resume, language);
        assertWellFormedParts(docx);
        open(docx).close();
      });
    }
  }

  private static Resume randomResume(Random random, String alphabet) {
    Basics basics = new Basics(text(random, alphabet), text(random, alphabet), null, text(random, alphabet),
        text(random, alphabet), text(random, alphabet), text(random, alphabet),
        new Basics.Location(text(random, alphabet), null, text(random, alphabet), null, null),
        listOf(new Basics.Profile(text(random, alphabet), text(random, alphabet), text(random, alphabet))));
    List<Work> work = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      work.add(new Work(text(random, alphabet), text(random, alphabet), null, text(random, alphabet), null,
          text(random, "0123456789-"), random.nextBoolean() ? null : text(random, "0123456789-"),
          text(random, alphabet), listOf(text(random, alphabet), text(random, alphabet))));
    }
    return new Resume(basics, work, null,
        List.of(new Education(text(random, alphabet), null, text(random, alphabet), null, null, null, null,
            listOf(text(random, alphabet)))),
        null, List.of(new Certificate(text(random, alphabet), text(random, "0123456789-"), text(random, alphabet),
            null)),
        null, List.of(new Skill(text(random, alphabet), null, listOf(text(random, alphabet)))), null, null,
        List.of(new Reference(text(random, alphabet), text(random, alphabet))), null, null);
  }

  /** Null, empty or up to 60 characters from the alphabet (which may split surrogate pairs). */
  private static String text(Random random, String alphabet) {
    int n = random.nextInt(62) - 2;
    if (n < 0) return n == -1 ? null : "";
    return text(random, alphabet, n);
  }

  private static String text(Random random, String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return sb.toString();
  }

  /** Every XML part of the package parses with a plain (non-POI) XML 1.0 parser. */
  private static void assertWellFormedParts(byte[] docx) throws IOException {
    int xmlParts = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (!e.getName().endsWith(".xml") && !e.getName().endsWith(".rels")) continue;
        try {
          parse(zip.readAllBytes());
        } catch (AssertionError ex) {
          throw new AssertionError("part " + e.getName() + ": " + ex.getMessage(), ex);
        }
        xmlParts++;
      }
    }
    assertThat(xmlParts).as("XML parts").isGreaterThanOrEqualTo(4);
  }

  private static byte[] partBytes(byte[] docx, String name) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) return zip.readAllBytes();
      }
    }
    throw new AssertionError("no part " + name);
  }

  private static org.w3c.dom.Document parse(byte[] xml) {
    try (InputStream in = new ByteArrayInputStream(xml)) {
      return XML.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** A mutable list that, unlike List.of, may hold nulls (the model drops them). */
  @SafeVarargs
  private static <T> List<T> listOf(T... items) {
    List<T> list = new ArrayList<>(items.length);
    for (T item : items) list.add(item);
    return list;
  }
}
