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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/**
 * The one style set of this product's Word documents (CV, offer): A4 page, fonts, colours, Title,
 * Subtitle, Heading 1/2 (with outline levels), body text, a bulleted list bound to real Word
 * numbering, and a right-aligned date. Styles are defined once in the styles part; paragraphs only
 * reference them by id.
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

  /** Character style ids. */
  public static final String DEFAULT_PARAGRAPH_FONT = "DefaultParagraphFont";
  public static final String DATE = "CvDate";
  public static final String STRONG = "Strong";
  public static final String HYPERLINK = "Hyperlink";

  /** Page geometry in twentieths of a point (twips): A4 portrait with 2 cm margins. */
  public static final int PAGE_WIDTH = 11906;
  public static final int PAGE_HEIGHT = 16838;
  public static final int MARGIN = 1134;
  public static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

  private static final String FONT = "Arial";
  private static final String ACCENT = "1F3864";
  private static final String MUTED = "595959";
  private static final String TEXT = "1A1A1A";
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
    return styles;
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
