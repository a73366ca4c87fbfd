package com.cvgen.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The table helper and character styles the offer added to {@link WordStyles}. */
class OfferTableStylesTest {

  @Test
  void tableHasFixedColumnsOnTheTextMarginsAndAHeaderRow() throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      WordStyles word = WordStyles.apply(doc, OutputLanguage.EN);
      WordStyles.Table table = word.table(3000, WordStyles.TEXT_WIDTH - 3000);
      table.header("Name", "Value");
      WordStyles.Row row = table.row();
      row.cell(0).text("Java");
      row.cell(1).styled("yes", WordStyles.POSITIVE);
      row.addParagraph(1).text("second line");

      XWPFTable t = table.table();
      assertThat(t.getNumberOfRows()).isEqualTo(2);
      assertThat(t.getStyleID()).isEqualTo(WordStyles.TABLE);
      assertThat(t.getCTTbl().getTblGrid().getGridColList()).extracting(c -> ((BigInteger) c.getW()).intValue())
          .containsExactly(3000, WordStyles.TEXT_WIDTH - 3000);
      assertThat(t.getCTTbl().getTblPr().getTblW().getW()).isEqualTo(BigInteger.valueOf(WordStyles.TEXT_WIDTH));
      assertThat(t.getCTTbl().getTblPr().getTblInd().getW()).isEqualTo(BigInteger.valueOf(85));
      assertThat(t.getRow(0).isRepeatHeader()).isTrue();
      assertThat(t.getRow(1).isRepeatHeader()).isFalse();
      assertThat(t.getRow(0).getCell(0).getParagraphs().getFirst().getStyle()).isEqualTo(WordStyles.TABLE_HEADING);
      assertThat(t.getRow(1).getCell(1).getParagraphs()).extracting(p -> p.getStyle())
          .containsExactly(WordStyles.TABLE_TEXT, WordStyles.TABLE_TEXT);
      assertThat(t.getRow(1).getCell(1).getParagraphs().getFirst().getRuns().getFirst().getStyle())
          .isEqualTo(WordStyles.POSITIVE);
      for (String id : new String[] {WordStyles.TABLE, WordStyles.TABLE_HEADING, WordStyles.TABLE_TEXT,
          WordStyles.OVERLINE, WordStyles.SCORE, WordStyles.SCORE_SCALE, WordStyles.POSITIVE, WordStyles.NEGATIVE}) {
        assertThat(doc.getStyles().styleExist(id)).as("style %s", id).isTrue();
      }
    }
  }

  @Test
  void tableMisuseFailsClearly() throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      WordStyles word = WordStyles.apply(doc, OutputLanguage.DE);
      assertThatThrownBy(() -> word.table()).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> word.table(WordStyles.TEXT_WIDTH, 1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("twips wide");
      assertThatThrownBy(() -> word.table(100, 0)).isInstanceOf(IllegalArgumentException.class);
      WordStyles.Table table = word.table(1000, 1000);
      assertThatThrownBy(() -> table.header("only one")).isInstanceOf(IllegalArgumentException.class);
      table.row();
      assertThatThrownBy(() -> table.header("a", "b")).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> word.paragraph(WordStyles.NORMAL).styled("x", null))
          .isInstanceOf(NullPointerException.class);
    }
  }
}
