package com.cvgen.core.generate;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * The one style set of this product's Word documents (CV, offer): A4 page, fonts, colours, Title,
 * Subtitle, Heading 1/2 (with outline levels), body text, a bulleted list bound to real Word
 * numbering, a right-aligned date, and for the offer an overline, a score, verdict marks and a
 * table style with its cell text styles. Styles are defined once in the styles part; paragraphs,
 * runs and tables only reference them by id.
 *
 * <pre>{@code
 * try (XWPFDocument doc = new XWPFDocument()) {
 *   WordStyles word = WordStyles.apply(doc, OutputLanguage.EN);
 *   word.title("Jane Doe");
 *   word.heading1("Experience");
 *   word.heading2("Engineer — ACME", "Mar 2021 – present");
 *   word.bullet("Cut build times by 40 %");
 *   doc.write(out);
 * }
 * }</pre>
 *
 * All text passes through {@link #clean(String)}, so any string (nulls, control characters, markup)
 * is safe to hand in. Instances are bound to one document and are not thread-safe.
 */
public final class WordStyles {

  /** Paragraph style ids (the names Word shows are "Normal", "Title", "heading 1", ...). */
  public static final String NORMAL = "Normal";
  public static final String TITLE = "Title";
  public static final String SUBTITLE = "Subtitle";
  public static final String HEADING_1 = "Heading1";
  public static final String HEADING_2 = "Heading2";
  /** A small grey line of contact details under the title. */
  public static final String CONTACT = "CvContact";
  /** A compact line with the right tab stop for a date: skills, certificates, languages. */
  public static final String ENTRY = "CvEntry";
  /** The grey italic line under an entry heading: company location, institution details. */
  public static final String ENTRY_META = "CvEntryMeta";
  /** A bulleted list item; paragraphs also carry the bullet numbering directly. */
  public static final String LIST_BULLET = "ListBullet";
  public static final String QUOTE = "Quote";
  /** A short line in spaced capitals above the title, naming the kind of document. */
  public static final String OVERLINE = "CvOverline";
  /** A large number on a line of its own, such as a score. */
  public static final String SCORE = "CvScore";
  /** The text of a table's header row. */
  public static final String TABLE_HEADING = "CvTableHeading";
  /** The text of a table's body cells. */
  public static final String TABLE_TEXT = "CvTableText";

  /** Table style id: rules between rows, a tinted header row, no vertical lines. */
  public static final String TABLE = "CvTable";

  /** Character style ids. */
  public static final String DEFAULT_PARAGRAPH_FONT = "DefaultParagraphFont";
  public static final String DATE = "CvDate";
  public static final String STRONG = "Strong";
  public static final String HYPERLINK = "Hyperlink";
  /** The smaller scale after a {@link #SCORE} number, e.g. the "/ 100" in "82 / 100". */
  public static final String SCORE_SCALE = "CvScoreScale";
  /** A positive verdict, e.g. "✓ met" (bold, green). */
  public static final String POSITIVE = "CvPositive";
  /** A negative verdict, e.g. "✗ not met" (bold, dark red). */
  public static final String NEGATIVE = "CvNegative";

  /** Page geometry in twentieths of a point (twips): A4 portrait with 2 cm margins. */
  public static final int PAGE_WIDTH = 11906;
  public static final int PAGE_HEIGHT = 16838;
  public static final int MARGIN = 1134;
  public static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

  private static final String FONT = "Arial";
  private static final String ACCENT = "1F3864";
  private static final String MUTED = "595959";
  private static final String TEXT = "1A1A1A";
  private static final String RULE = "8EAADB";
  private static final String TINT = "DCE4F2";
  /** The left and right cell margin of the table style, in twips. */
  private static final int CELL_MARGIN = 85;
  private static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String[] BULLETS = {"•", "◦", "▪"};

  private static final Pattern ILLEGAL_XML = Pattern.compile(
      "[^\\t\\n\\r\\x20-\\x7E\\xA0-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u2028\\u2029]+");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+");
  private static final Pattern DOMAIN_START = Pattern.compile("(?i)(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)+(/.*)?");

  private final XWPFDocument document;
  private final BigInteger bulletNumId;

  private WordStyles(XWPFDocument document, BigInteger bulletNumId) {
    this.document = document;
    this.bulletNumId = bulletNumId;
  }

  /**
   * Defines the style set in {@code document}: replaces its styles part with this one, adds the
   * bullet numbering and makes the page A4 portrait with 2 cm margins. Call once, on a new document,
   * before adding content. {@code language} becomes the document's proofing language.
   */
  public static WordStyles apply(XWPFDocument document, OutputLanguage language) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(language, "language");
    BigInteger bulletNumId = addBulletNumbering(document.createNumbering());
    document.createStyles().setStyles(styles(language, bulletNumId));
    pageSetup(document);
    return new WordStyles(document, bulletNumId);
  }

  public XWPFDocument document() {
    return document;
  }

  /** The numbering id ({@code w:numId}) of the bullet list. */
  public BigInteger bulletNumId() {
    return bulletNumId;
  }

  // ---- text ----------------------------------------------------------------------------------

  /**
   * Text made safe for a single line of WordprocessingML: null becomes "", characters XML 1.0
   * forbids (and C1 control characters) are removed, whitespace runs and line breaks collapse into
   * one space, and the ends are stripped. Markup such as {@code <script>} stays literal text (POI
   * escapes it).
   */
  public static String clean(String text) {
    if (text == null) return "";
    String legal = ILLEGAL_XML.matcher(text).replaceAll("");
    return WHITESPACE.matcher(legal).replaceAll(" ").strip();
  }

  /** True if {@code text} has anything left to show after {@link #clean(String)}. */
  public static boolean hasText(String text) {
    return !clean(text).isEmpty();
  }

  // ---- paragraphs ------------------------------------------------------------------------------

  /** A new, empty paragraph in {@code styleId}, to fill with the {@link Paragraph} methods. */
  public Paragraph paragraph(String styleId) {
    XWPFParagraph p = document.createParagraph();
    p.setStyle(styleId);
    return new Paragraph(p);
  }

  public Paragraph title(String text) {
    return paragraph(TITLE).text(text);
  }

  public Paragraph subtitle(String text) {
    return paragraph(SUBTITLE).text(text);
  }

  /** A section heading (Heading 1, outline level 1). */
  public Paragraph heading1(String text) {
    return paragraph(HEADING_1).text(text);
  }

  /** An entry heading (Heading 2, outline level 2) with an optional date at the right margin. */
  public Paragraph heading2(String text, String date) {
    return paragraph(HEADING_2).text(text).date(date);
  }

  /**
   * A compact line (CV Entry style): {@code strong} in the Strong style, then {@code separator} and
   * {@code rest} (the separator only if both are there), then {@code date} at the right margin.
   */
  public Paragraph entry(String strong, String separator, String rest, String date) {
    Paragraph p = paragraph(ENTRY).strong(strong);
    if (hasText(strong) && hasText(rest)) p.separator(separator);
    return p.text(rest).date(date);
  }

  /** One bullet list item. */
  public Paragraph bullet(String text) {
    Paragraph p = paragraph(LIST_BULLET).text(text);
    p.paragraph().setNumID(bulletNumId);
    p.paragraph().setNumILvl(BigInteger.ZERO);
    return p;
  }

  /**
   * Body text, one Normal paragraph per block of {@code text} separated by a blank line (single
   * line breaks, as in text taken from a PDF, are joined). Returns the paragraphs written.
   */
  public List<Paragraph> body(String text) {
    return paragraphs(NORMAL, text);
  }

  /** Like {@link #body(String)}, in paragraph style {@code styleId}. */
  public List<Paragraph> paragraphs(String styleId, String text) {
    List<Paragraph> written = new ArrayList<>();
    if (text == null) return written;
    for (String block : PARAGRAPH_BREAK.split(text)) {
      if (hasText(block)) written.add(paragraph(styleId).text(block));
    }
    return written;
  }

  /**
   * A link target for {@code value}: "mailto:" for an e-mail address, "https://" added to a bare
   * domain, http(s) and mailto URIs as they are; empty when it is none of these.
   */
  public static String linkTarget(String value) {
    String v = clean(value);
    if (v.isEmpty() || v.contains(" ")) return "";
    String target;
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")) {
      target = v;
    } else if (EMAIL.matcher(v).matches()) {
      target = "mailto:" + v;
    } else if (DOMAIN_START.matcher(v).matches()) {
      target = "https://" + v;
    } else {
      return "";
    }
    try {
      URI uri = new URI(target);
      return uri.getScheme() == null ? "" : uri.toASCIIString();
    } catch (URISyntaxException e) {
      return "";
    }
  }

  /**
   * A paragraph being filled: each method appends runs that reference a character style (never
   * direct formatting) and returns this paragraph. Blank text appends nothing.
   */
  public final class Paragraph {
    private final XWPFParagraph paragraph;

    private Paragraph(XWPFParagraph paragraph) {
      this.paragraph = paragraph;
    }

    /** The underlying POI paragraph. */
    public XWPFParagraph paragraph() {
      return paragraph;
    }

    /** Plain text in the paragraph style. */
    public Paragraph text(String text) {
      return run(text, null);
    }

    /** Text in the Strong (bold) character style. */
    public Paragraph strong(String text) {
      return run(text, STRONG);
    }

    /**
     * Text in the character style {@code characterStyle}, one of this class's character style ids
     * ({@link #STRONG}, {@link #DATE}, {@link #SCORE_SCALE}, {@link #POSITIVE}, {@link #NEGATIVE}).
     */
    public Paragraph styled(String text, String characterStyle) {
      return run(text, Objects.requireNonNull(characterStyle, "characterStyle"));
    }

    /**
     * {@code text} as a hyperlink to {@link WordStyles#linkTarget(String) linkTarget(url)}, or as
     * plain text when the url is not a usable link.
     */
    public Paragraph link(String text, String url) {
      String shown = clean(text);
      if (shown.isEmpty()) return this;
      String target = linkTarget(url);
      if (target.isEmpty()) return text(shown);
      XWPFRun run = paragraph.createHyperlinkRun(target);
      run.setStyle(HYPERLINK);
      run.setText(shown);
      return this;
    }

    /** A tab to the right margin, then {@code date} in the date style; nothing if blank. */
    public Paragraph date(String date) {
      String d = clean(date);
      if (d.isEmpty()) return this;
      XWPFRun run = paragraph.createRun();
      run.setStyle(DATE);
      run.addTab();
      run.setText(d);
      return this;
    }

    /**
     * Literal connecting text such as {@code " — "} or {@code ": "}: kept with its spaces (only
     * characters illegal in XML are removed), in the paragraph style.
     */
    public Paragraph separator(String separator) {
      String s = separator == null ? "" : ILLEGAL_XML.matcher(separator).replaceAll("");
      if (!s.isEmpty()) paragraph.createRun().setText(s);
      return this;
    }

    /** Parts joined with {@code separator}; blank parts are skipped, links stay links. */
    public Paragraph join(String separator, List<Part> parts) {
      boolean first = true;
      for (Part part : parts) {
        if (!hasText(part.text())) continue;
        if (!first) separator(separator);
        link(part.text(), part.url());
        first = false;
      }
      return this;
    }

    private Paragraph run(String text, String characterStyle) {
      String t = clean(text);
      if (t.isEmpty()) return this;
      XWPFRun run = paragraph.createRun();
      if (characterStyle != null) run.setStyle(characterStyle);
      run.setText(t);
      return this;
    }
  }

  /** A piece of text for {@link Paragraph#join}, optionally linked ({@code url} may be null). */
  public record Part(String text, String url) {
    public static Part of(String text) {
      return new Part(text, null);
    }
  }

  // ---- tables ------------------------------------------------------------------------------------

  /**
   * A new table in the {@link #TABLE} style with fixed column widths (twips; together at most
   * {@link #TEXT_WIDTH}), still without rows: add a {@link Table#header header} first, then
   * {@link Table#row() rows}. The table carries no borders or shading of its own; they come from
   * the table style.
   */
  public Table table(int... columnWidths) {
    if (columnWidths.length == 0) throw new IllegalArgumentException("a table needs at least one column");
    int total = 0;
    for (int width : columnWidths) {
      if (width <= 0) throw new IllegalArgumentException("column widths must be positive");
      total += width;
    }
    if (total > TEXT_WIDTH) {
      throw new IllegalArgumentException("columns are " + total + " twips wide, the text only " + TEXT_WIDTH);
    }
    XWPFTable table = document.createTable();
    CTTblPr pr = table.getCTTbl().getTblPr();
    if (pr.isSetTblBorders()) pr.unsetTblBorders();
    (pr.isSetTblStyle() ? pr.getTblStyle() : pr.addNewTblStyle()).setVal(TABLE);
    CTTblWidth width = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
    width.setType(STTblWidth.DXA);
    width.setW(BigInteger.valueOf(total));
    // without a compatibility mode, Word and LibreOffice measure the indent to the first cell's text,
    // pulling the table's edge left by the cell margin; indenting by that margin puts the edges on
    // the text margins
    CTTblWidth indent = pr.isSetTblInd() ? pr.getTblInd() : pr.addNewTblInd();
    indent.setType(STTblWidth.DXA);
    indent.setW(BigInteger.valueOf(CELL_MARGIN));
    (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
    var look = pr.isSetTblLook() ? pr.getTblLook() : pr.addNewTblLook();
    look.setVal(new byte[] {0x04, 0x20}); // first row on, vertical banding off (Word 2007 form)
    look.setFirstRow(Boolean.TRUE);
    look.setLastRow(Boolean.FALSE);
    look.setFirstColumn(Boolean.FALSE);
    look.setLastColumn(Boolean.FALSE);
    look.setNoHBand(Boolean.TRUE);
    look.setNoVBand(Boolean.TRUE);
    CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
        : table.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
    for (int w : columnWidths) grid.addNewGridCol().setW(BigInteger.valueOf(w));
    table.removeRow(0); // POI starts every table with one row of one cell
    return new Table(table, columnWidths.clone());
  }

  /** A table being filled; see {@link WordStyles#table(int...)}. */
  public final class Table {
    private final XWPFTable table;
    private final int[] widths;

    private Table(XWPFTable table, int[] widths) {
      this.table = table;
      this.widths = widths;
    }

    /** The underlying POI table. */
    public XWPFTable table() {
      return table;
    }

    /** The number of columns. */
    public int columns() {
      return widths.length;
    }

    /**
     * The header row, one text per column in {@link #TABLE_HEADING}; it is repeated at the top of
     * every page the table runs onto. Call before any {@link #row()}.
     */
    public Row header(String... texts) {
      if (texts.length != widths.length) {
        throw new IllegalArgumentException(texts.length + " header texts for " + widths.length + " columns");
      }
      if (table.getNumberOfRows() > 0) throw new IllegalStateException("the header must be the first row");
      Row row = newRow(TABLE_HEADING);
      row.row().setRepeatHeader(true);
      for (int i = 0; i < texts.length; i++) row.cell(i).text(texts[i]);
      return row;
    }

    /** A new body row; its cells start with one empty paragraph in {@link #TABLE_TEXT}. */
    public Row row() {
      return newRow(TABLE_TEXT);
    }

    private Row newRow(String styleId) {
      XWPFTableRow row = table.createRow();
      while (row.getTableCells().size() < widths.length) row.addNewTableCell();
      row.setCantSplitRow(true);
      for (int i = 0; i < widths.length; i++) {
        XWPFTableCell cell = row.getCell(i);
        CTTcPr tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTTblWidth w = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(widths[i]));
        if (cell.getParagraphs().isEmpty()) cell.addParagraph();
        cell.getParagraphs().getFirst().setStyle(styleId);
      }
      return new Row(row, styleId);
    }
  }

  /** A table row being filled. */
  public final class Row {
    private final XWPFTableRow row;
    private final String styleId;

    private Row(XWPFTableRow row, String styleId) {
      this.row = row;
      this.styleId = styleId;
    }

    /** The underlying POI row. */
    public XWPFTableRow row() {
      return row;
    }

    /** The first paragraph of cell {@code column} (0-based), to fill. */
    public Paragraph cell(int column) {
      return new Paragraph(row.getCell(column).getParagraphs().getFirst());
    }

    /** A further paragraph in cell {@code column}, in the row's text style. */
    public Paragraph addParagraph(int column) {
      XWPFParagraph p = row.getCell(column).addParagraph();
      p.setStyle(styleId);
      return new Paragraph(p);
    }
  }

  // ---- definitions -----------------------------------------------------------------------------

  private static BigInteger addBulletNumbering(XWPFNumbering numbering) {
    BigInteger abstractId = numbering.getAbstractNums().stream()
        .map(a -> a.getCTAbstractNum().getAbstractNumId())
        .max(BigInteger::compareTo).map(BigInteger.ONE::add).orElse(BigInteger.ZERO);
    CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
    abstractNum.setAbstractNumId(abstractId);
    for (int level = 0; level < BULLETS.length; level++) {
      CTLvl lvl = abstractNum.addNewLvl();
      lvl.setIlvl(BigInteger.valueOf(level));
      lvl.addNewStart().setVal(BigInteger.ONE);
      lvl.addNewNumFmt().setVal(STNumberFormat.BULLET);
      if (level == 0) lvl.addNewPStyle().setVal(LIST_BULLET);
      lvl.addNewLvlText().setVal(BULLETS[level]);
      lvl.addNewLvlJc().setVal(STJc.LEFT);
      CTPPrGeneral ppr = lvl.addNewPPr();
      ppr.addNewInd().setLeft(BigInteger.valueOf(340L * (level + 1)));
      ppr.getInd().setHanging(BigInteger.valueOf(227));
      fonts(lvl.addNewRPr(), FONT);
    }
    BigInteger stored = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum, numbering));
    return numbering.addNum(stored);
  }

  private static CTStyles styles(OutputLanguage language, BigInteger bulletNumId) {
    CTStyles styles = CTStyles.Factory.newInstance();
    CTDocDefaults defaults = styles.addNewDocDefaults();
    CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
    fonts(rpr, FONT);
    rpr.addNewSz().setVal(BigInteger.valueOf(20));
    rpr.addNewSzCs().setVal(BigInteger.valueOf(20));
    rpr.addNewLang().setVal(switch (language) {
      case DE -> "de-DE";
      case EN -> "en-GB";
      case FR -> "fr-FR";
    });
    spacing(defaults.addNewPPrDefault().addNewPPr(), 0, 80, 264);

    CTStyle normal = style(styles, STStyleType.PARAGRAPH, NORMAL, "Normal", null);
    normal.setDefault(Boolean.TRUE);
    color(normal.addNewRPr(), TEXT);

    CTStyle defaultFont = style(styles, STStyleType.CHARACTER, DEFAULT_PARAGRAPH_FONT,
        "Default Paragraph Font", null);
    defaultFont.setDefault(Boolean.TRUE);
    defaultFont.addNewSemiHidden();
    defaultFont.addNewUnhideWhenUsed();

    CTStyle title = style(styles, STStyleType.PARAGRAPH, TITLE, "Title", NORMAL);
    spacing(title.addNewPPr(), 0, 20, 240);
    CTRPr titleRun = title.addNewRPr();
    titleRun.addNewB();
    color(titleRun, ACCENT);
    size(titleRun, 52);

    CTStyle subtitle = style(styles, STStyleType.PARAGRAPH, SUBTITLE, "Subtitle", NORMAL);
    spacing(subtitle.addNewPPr(), 0, 60, 240);
    CTRPr subtitleRun = subtitle.addNewRPr();
    color(subtitleRun, "44546A");
    size(subtitleRun, 26);

    CTStyle contact = style(styles, STStyleType.PARAGRAPH, CONTACT, "CV Contact", NORMAL);
    contact.setCustomStyle(Boolean.TRUE);
    spacing(contact.addNewPPr(), 0, 120, 240);
    CTRPr contactRun = contact.addNewRPr();
    color(contactRun, MUTED);
    size(contactRun, 18);

    CTStyle h1 = style(styles, STStyleType.PARAGRAPH, HEADING_1, "heading 1", NORMAL);
    CTPPrGeneral h1p = h1.addNewPPr();
    h1p.addNewKeepNext();
    h1p.addNewKeepLines();
    CTBorder rule = h1p.addNewPBdr().addNewBottom();
    rule.setVal(STBorder.SINGLE);
    rule.setSz(BigInteger.valueOf(6));
    rule.setSpace(BigInteger.ONE);
    rule.setColor("8EAADB");
    spacing(h1p, 300, 100, 240);
    h1p.addNewOutlineLvl().setVal(BigInteger.ZERO);
    CTRPr h1r = h1.addNewRPr();
    h1r.addNewB();
    h1r.addNewBCs();
    color(h1r, ACCENT);
    size(h1r, 26);

    CTStyle h2 = style(styles, STStyleType.PARAGRAPH, HEADING_2, "heading 2", NORMAL);
    CTPPrGeneral h2p = h2.addNewPPr();
    h2p.addNewKeepNext();
    h2p.addNewKeepLines();
    rightTab(h2p);
    spacing(h2p, 160, 20, 240);
    h2p.addNewOutlineLvl().setVal(BigInteger.ONE);
    CTRPr h2r = h2.addNewRPr();
    h2r.addNewB();
    h2r.addNewBCs();
    color(h2r, TEXT);
    size(h2r, 21);

    CTStyle entry = style(styles, STStyleType.PARAGRAPH, ENTRY, "CV Entry", NORMAL);
    entry.setCustomStyle(Boolean.TRUE);
    CTPPrGeneral entryP = entry.addNewPPr();
    rightTab(entryP);
    spacing(entryP, 0, 40, 252);

    CTStyle meta = style(styles, STStyleType.PARAGRAPH, ENTRY_META, "CV Entry Details", NORMAL);
    meta.setCustomStyle(Boolean.TRUE);
    CTPPrGeneral metaP = meta.addNewPPr();
    metaP.addNewKeepNext();
    spacing(metaP, 0, 60, 252);
    CTRPr metaR = meta.addNewRPr();
    metaR.addNewI();
    metaR.addNewICs();
    color(metaR, MUTED);

    CTStyle bullet = style(styles, STStyleType.PARAGRAPH, LIST_BULLET, "List Bullet", NORMAL);
    CTPPrGeneral bulletP = bullet.addNewPPr();
    bulletP.addNewNumPr().addNewNumId().setVal(bulletNumId);
    spacing(bulletP, 0, 30, 252);
    bulletP.addNewContextualSpacing();

    CTStyle quote = style(styles, STStyleType.PARAGRAPH, QUOTE, "Quote", NORMAL);
    CTPPrGeneral quoteP = quote.addNewPPr();
    quoteP.addNewInd().setLeft(BigInteger.valueOf(284));
    quoteP.getInd().setRight(BigInteger.valueOf(284));
    CTRPr quoteR = quote.addNewRPr();
    quoteR.addNewI();
    quoteR.addNewICs();
    color(quoteR, "404040");

    CTStyle date = style(styles, STStyleType.CHARACTER, DATE, "CV Date", DEFAULT_PARAGRAPH_FONT);
    date.setCustomStyle(Boolean.TRUE);
    CTRPr dateR = date.addNewRPr();
    dateR.addNewB().setVal(Boolean.FALSE);
    dateR.addNewBCs().setVal(Boolean.FALSE);
    dateR.addNewI().setVal(Boolean.FALSE);
    color(dateR, MUTED);
    size(dateR, 19);

    CTStyle strong = style(styles, STStyleType.CHARACTER, STRONG, "Strong", DEFAULT_PARAGRAPH_FONT);
    CTRPr strongR = strong.addNewRPr();
    strongR.addNewB();
    strongR.addNewBCs();

    CTStyle link = style(styles, STStyleType.CHARACTER, HYPERLINK, "Hyperlink", DEFAULT_PARAGRAPH_FONT);
    link.addNewUnhideWhenUsed();
    color(link.addNewRPr(), "2F5496");
    CTStyle overline = style(styles, STStyleType.PARAGRAPH, OVERLINE, "CV Overline", NORMAL);
    overline.setCustomStyle(Boolean.TRUE);
    CTPPrGeneral overlineP = overline.addNewPPr();
    overlineP.addNewKeepNext();
    spacing(overlineP, 0, 40, 240);
    CTRPr overlineR = overline.addNewRPr();
    overlineR.addNewB();
    overlineR.addNewBCs();
    overlineR.addNewCaps();
    overlineR.addNewSpacing().setVal(BigInteger.valueOf(30));
    color(overlineR, "2F5496");
    size(overlineR, 18);

    CTStyle score = style(styles, STStyleType.PARAGRAPH, SCORE, "CV Score", NORMAL);
    score.setCustomStyle(Boolean.TRUE);
    CTPPrGeneral scoreP = score.addNewPPr();
    scoreP.addNewKeepNext();
    spacing(scoreP, 60, 0, 240);
    CTRPr scoreR = score.addNewRPr();
    scoreR.addNewB();
    scoreR.addNewBCs();
    color(scoreR, ACCENT);
    size(scoreR, 72);

    CTStyle scale = style(styles, STStyleType.CHARACTER, SCORE_SCALE, "CV Score Scale", DEFAULT_PARAGRAPH_FONT);
    scale.setCustomStyle(Boolean.TRUE);
    CTRPr scaleR = scale.addNewRPr();
    scaleR.addNewB().setVal(Boolean.FALSE);
    scaleR.addNewBCs().setVal(Boolean.FALSE);
    color(scaleR, MUTED);
    size(scaleR, 28);

    CTStyle positive = style(styles, STStyleType.CHARACTER, POSITIVE, "CV Positive", DEFAULT_PARAGRAPH_FONT);
    positive.setCustomStyle(Boolean.TRUE);
    CTRPr positiveR = positive.addNewRPr();
    positiveR.addNewB();
    positiveR.addNewBCs();
    color(positiveR, "1E6B34");

    CTStyle negative = style(styles, STStyleType.CHARACTER, NEGATIVE, "CV Negative", DEFAULT_PARAGRAPH_FONT);
    negative.setCustomStyle(Boolean.TRUE);
    CTRPr negativeR = negative.addNewRPr();
    negativeR.addNewB();
    negativeR.addNewBCs();
    color(negativeR, "A4262C");

    CTStyle tableHeading = style(styles, STStyleType.PARAGRAPH, TABLE_HEADING, "CV Table Heading", NORMAL);
    tableHeading.setCustomStyle(Boolean.TRUE);
    CTPPrGeneral tableHeadingP = tableHeading.addNewPPr();
    tableHeadingP.addNewKeepNext();
    spacing(tableHeadingP, 0, 0, 240);
    CTRPr tableHeadingR = tableHeading.addNewRPr();
    tableHeadingR.addNewB();
    tableHeadingR.addNewBCs();
    color(tableHeadingR, ACCENT);
    size(tableHeadingR, 18);

    CTStyle tableText = style(styles, STStyleType.PARAGRAPH, TABLE_TEXT, "CV Table Text", NORMAL);
    tableText.setCustomStyle(Boolean.TRUE);
    spacing(tableText.addNewPPr(), 0, 0, 240);
    size(tableText.addNewRPr(), 18);

    tableStyle(styles);
    return styles;
  }

  /**
   * The {@link #TABLE} style: horizontal rules only (a stronger one above and below the table),
   * roomy cell margins, and a tinted, bold header row (conditional formatting for the first row).
   * POI's reduced schema jar has no classes for a table style's properties, so the style is
   * inserted as XML.
   */
  private static void tableStyle(CTStyles styles) {
    String xml = "<w:style xmlns:w=\"" + W_NS + "\" w:type=\"table\" w:customStyle=\"1\" w:styleId=\"" + TABLE + "\">"
        + "<w:name w:val=\"CV Table\"/><w:uiPriority w:val=\"59\"/>"
        + "<w:tblPr>"
        + "<w:tblBorders>"
        + border("top", "single", 8, ACCENT) + border("left", "nil", 0, null)
        + border("bottom", "single", 8, ACCENT) + border("right", "nil", 0, null)
        + border("insideH", "single", 4, "BFBFBF") + border("insideV", "nil", 0, null)
        + "</w:tblBorders>"
        + "<w:tblCellMar>" + margin("top", 57) + margin("left", CELL_MARGIN) + margin("bottom", 57)
        + margin("right", CELL_MARGIN)
        + "</w:tblCellMar>"
        + "</w:tblPr>"
        + "<w:tblStylePr w:type=\"firstRow\">"
        + "<w:rPr><w:b/><w:bCs/></w:rPr>"
        + "<w:trPr><w:tblHeader/></w:trPr>"
        + "<w:tcPr><w:tcBorders>" + border("bottom", "single", 8, RULE) + "</w:tcBorders>"
        + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + TINT + "\"/></w:tcPr>"
        + "</w:tblStylePr>"
        + "</w:style>";
    try (XmlCursor source = XmlObject.Factory.parse(xml).newCursor();
        XmlCursor target = styles.newCursor()) {
      source.toFirstChild();
      target.toEndToken();
      source.copyXml(target);
    } catch (XmlException e) {
      throw new IllegalStateException("the table style's XML is malformed", e);
    }
  }

  private static String border(String side, String type, int eighthsOfAPoint, String rgb) {
    return "<w:" + side + " w:val=\"" + type + "\" w:sz=\"" + eighthsOfAPoint + "\" w:space=\"0\""
        + (rgb == null ? "" : " w:color=\"" + rgb + "\"") + "/>";
  }

  private static String margin(String side, int twips) {
    return "<w:" + side + " w:w=\"" + twips + "\" w:type=\"dxa\"/>";
  }

  private static CTStyle style(CTStyles styles, STStyleType.Enum type, String id, String name, String basedOn) {
    CTStyle style = styles.addNewStyle();
    style.setType(type);
    style.setStyleId(id);
    style.addNewName().setVal(name);
    if (basedOn != null) style.addNewBasedOn().setVal(basedOn);
    if (type == STStyleType.PARAGRAPH && !NORMAL.equals(id)) style.addNewNext().setVal(NORMAL);
    style.addNewQFormat();
    return style;
  }

  private static void fonts(CTRPr rpr, String font) {
    CTFonts fonts = rpr.addNewRFonts();
    fonts.setAscii(font);
    fonts.setHAnsi(font);
    fonts.setCs(font);
    fonts.setEastAsia(font);
  }

  private static void color(CTRPr rpr, String rgb) {
    rpr.addNewColor().setVal(rgb);
  }

  private static void size(CTRPr rpr, int halfPoints) {
    rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
  }

  private static void spacing(CTPPrGeneral ppr, int before, int after, int line) {
    CTSpacing spacing = ppr.addNewSpacing();
    spacing.setBefore(BigInteger.valueOf(before));
    spacing.setAfter(BigInteger.valueOf(after));
    spacing.setLine(BigInteger.valueOf(line));
    spacing.setLineRule(STLineSpacingRule.AUTO);
  }

  private static void rightTab(CTPPrGeneral ppr) {
    CTTabStop tab = ppr.addNewTabs().addNewTab();
    tab.setVal(STTabJc.RIGHT);
    tab.setPos(BigInteger.valueOf(TEXT_WIDTH));
  }

  private static void pageSetup(XWPFDocument document) {
    CTBody body = document.getDocument().getBody();
    CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
    size.setW(BigInteger.valueOf(PAGE_WIDTH));
    size.setH(BigInteger.valueOf(PAGE_HEIGHT));
    size.setOrient(STPageOrientation.PORTRAIT);
    CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
    BigInteger margin = BigInteger.valueOf(MARGIN);
    margins.setTop(margin);
    margins.setBottom(margin);
    margins.setLeft(margin);
    margins.setRight(margin);
    margins.setHeader(BigInteger.valueOf(567));
    margins.setFooter(BigInteger.valueOf(567));
    margins.setGutter(BigInteger.ZERO);
  }
}
