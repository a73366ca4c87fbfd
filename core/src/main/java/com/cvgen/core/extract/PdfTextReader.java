package com.cvgen.core.extract;

import com.cvgen.core.extract.TextDocument.TextPage;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF's text layer with positions and fonts (PDFBox) and lays it out: characters become
 * words and spans on baselines, spans are assigned to columns, and each page's lines come out in
 * reading order (a sidebar or second column is read after the first, while label columns and
 * right-aligned dates stay on the row they belong to). Running headers, footers and page numbers
 * are dropped; ligatures are decomposed; icon-font glyphs and private-use characters are dropped.
 */
public final class PdfTextReader {

  private static final Pattern BOLD_FONT =
      Pattern.compile("(?i)(bold|black|heavy|semibold|demibold|extrabold|ultrabold|-bd\\b|,bd\\b|-b$|\\bbd$)");
  private static final Pattern ITALIC_FONT = Pattern.compile("(?i)(italic|oblique|-it\\b|-i$)");
  private static final Pattern ICON_FONT = Pattern.compile(
      "(?i)(fontawesome|font ?awesome|icomoon|glyphicons|materialicons|material-?icons|ionicons|feather|"
          + "octicons|fa-(solid|regular|brands)|academicons|simple-?icons|entypo|typicons|remixicon|bootstrap-?icons)");

  public TextDocument read(PDDocument document) throws IOException {
    Collector collector = new Collector();
    collector.setSortByPosition(false);
    collector.getText(document);
    List<TextPage> pages = RunningText.drop(collector.pages);
    return new TextDocument(pages);
  }

  /** One glyph, already normalised, in page coordinates (y grows downwards, at the baseline). */
  record Glyph(String text, float x, float right, float y, float height, float size, boolean bold,
      boolean italic, String font) {}

  private static final class Collector extends PDFTextStripper {
    final List<TextPage> pages = new ArrayList<>();
    private final List<Glyph> glyphs = new ArrayList<>();
    private final Map<PDFont, FontStyle> styles = new HashMap<>();
    private final Map<String, List<Glyph>> seen = new HashMap<>();

    Collector() throws IOException {
      super();
    }

    @Override
    protected void processTextPosition(TextPosition t) {
      if (t.getDir() != 0f) return; // rotated text is decoration in CVs (side captions, watermarks)
      String unicode = t.getUnicode();
      if (unicode == null || unicode.isEmpty()) return;
      FontStyle style = styles.computeIfAbsent(t.getFont(), FontStyle::of);
      if (style.icon) return;
      String text = clean(unicode);
      if (text.isEmpty()) return;
      float size = t.getFontSizeInPt();
      float height = t.getHeightDir();
      if (size <= 0.5f) size = Math.max(1f, height);
      // Some producers scale glyphs through a matrix PDFBox misreads as a huge font size; the
      // glyph's own height tells the size that is really drawn.
      if (height > 0.5f && size > height * 4f) size = height / 0.72f;
      float x = t.getXDirAdj();
      float w = Math.max(0f, t.getWidthDirAdj());
      float y = t.getYDirAdj();
      // Glyphs outside the page are invisible (and a broken file can place them at 1e9).
      PDRectangle box = getCurrentPage().getCropBox();
      float pw = Math.max(box.getWidth(), box.getHeight());
      if (x < -pw * 0.1f || x > pw * 1.1f || y < -pw * 0.1f || y > pw * 1.5f || !Float.isFinite(w) || w > pw) return;
      // Fake bold and shadows: the same glyph drawn again on (almost) the same spot.
      String key = text + '@' + Math.round(y);
      List<Glyph> same = seen.computeIfAbsent(key, k -> new ArrayList<>(2));
      for (Glyph g : same) {
        if (Math.abs(g.x - x) < Math.max(0.8f, w * 0.25f) && Math.abs(g.y - y) < 0.8f) return;
      }
      Glyph glyph = new Glyph(text, x, x + w, y, Math.max(t.getHeightDir(), size * 0.7f), size, style.bold,
          style.italic, style.name);
      same.add(glyph);
      glyphs.add(glyph);
    }

    @Override
    protected void writePage() {
      PDRectangle box = getCurrentPage().getCropBox();
      boolean rotated = getCurrentPage().getRotation() % 180 != 0;
      float width = rotated ? box.getHeight() : box.getWidth();
      float height = rotated ? box.getWidth() : box.getHeight();
      int number = getCurrentPageNo();
      pages.add(new TextPage(number, width, height, PageLayout.layout(number, width, glyphs)));
      glyphs.clear();
      seen.clear();
    }
  }

  /** Text of one glyph: NFKC (ligatures, full-width forms), no controls, no private-use icons. */
  static String clean(String unicode) {
    String s = unicode;
    if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      if (type == Character.PRIVATE_USE || type == Character.CONTROL || type == Character.UNASSIGNED
          || type == Character.SURROGATE || cp == 0xFFFD || type == Character.FORMAT) {
        return;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        sb.append(' ');
      } else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2212) {
        sb.append('-'); // typographic hyphens and the minus sign read as the plain hyphen
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  private record FontStyle(String name, boolean bold, boolean italic, boolean icon) {
    static FontStyle of(PDFont font) {
      String name = font == null || font.getName() == null ? "" : font.getName();
      String bare = name.contains("+") ? name.substring(name.indexOf('+') + 1) : name;
      boolean bold = BOLD_FONT.matcher(bare).find();
      boolean italic = ITALIC_FONT.matcher(bare).find();
      PDFontDescriptor fd = font == null ? null : font.getFontDescriptor();
      if (fd != null) {
        bold |= fd.isForceBold() || fd.getFontWeight() >= 600;
        italic |= fd.isItalic() && !bare.toLowerCase(Locale.ROOT).contains("regular");
      }
      return new FontStyle(bare, bold, italic, ICON_FONT.matcher(bare).find());
    }
  }

  static final Comparator<Glyph> READING = Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x);
}
