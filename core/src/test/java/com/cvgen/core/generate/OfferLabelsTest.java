package com.cvgen.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.EducationLevel;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offer's localized texts. */
class OfferLabelsTest {

  private static final OfferLabels EN = OfferLabels.of(OutputLanguage.EN);
  private static final OfferLabels DE = OfferLabels.of(OutputLanguage.DE);
  private static final OfferLabels FR = OfferLabels.of(OutputLanguage.FR);

  @Test
  void everyKeyHasAWordingInEveryLanguage() {
    for (OutputLanguage language : OutputLanguage.values()) {
      OfferLabels labels = OfferLabels.of(language);
      for (OfferLabels.Key key : OfferLabels.Key.values()) {
        assertThat(labels.get(key)).as("%s in %s", key, language).isNotBlank().isEqualTo(labels.get(key).strip());
      }
    }
    // the German and French texts are translations, not English copies (apart from "Status", "Date")
    long sameInGerman = Arrays.stream(OfferLabels.Key.values()).filter(k -> EN.get(k).equals(DE.get(k))).count();
    long sameInFrench = Arrays.stream(OfferLabels.Key.values()).filter(k -> EN.get(k).equals(FR.get(k))).count();
    assertThat(sameInGerman).isLessThanOrEqualTo(1);
    assertThat(sameInFrench).isLessThanOrEqualTo(1);
  }

  @Test
  void documentTitles() {
    assertThat(List.of(EN, DE, FR)).extracting(l -> l.get(OfferLabels.Key.DOCUMENT))
        .containsExactly("Candidate proposal", "Kandidatenvorschlag", "Proposition de candidat");
  }

  @Test
  void datesAreWrittenOutWithTheFrenchFirstOfTheMonth() {
    LocalDate first = LocalDate.of(2025, 3, 1);
    assertThat(EN.longDate(first)).isEqualTo("1 March 2025");
    assertThat(DE.longDate(first)).isEqualTo("1. März 2025");
    assertThat(FR.longDate(first)).isEqualTo("1er mars 2025");
    LocalDate later = LocalDate.of(2024, 12, 24);
    assertThat(List.of(EN, DE, FR)).extracting(l -> l.longDate(later))
        .containsExactly("24 December 2024", "24. Dezember 2024", "24 décembre 2024");
  }

  @Test
  void colonAndPercentFollowEachLanguagesTypography() {
    assertThat(EN.labelled("Company")).isEqualTo("Company: ");
    assertThat(DE.labelled("Unternehmen")).isEqualTo("Unternehmen: ");
    assertThat(FR.labelled("Entreprise")).isEqualTo("Entreprise\u00A0: ");
    assertThat(EN.percent(0.754)).isEqualTo("75%");
    assertThat(DE.percent(0.5)).isEqualTo("50\u00A0%");
    assertThat(FR.percent(1.0 / 3)).isEqualTo("33\u00A0%");
    assertThat(EN.percent(1.7)).isEqualTo("100%");
    assertThat(EN.percent(-1)).isEqualTo("0%");
    assertThat(EN.percent(Double.NaN)).isEqualTo("0%");
    assertThat(DE.scoreWithWeight(0.75, 0.4)).isEqualTo("75\u00A0%, Gewichtung 40\u00A0%");
  }

  @Test
  void yearsAgreeInNumber() {
    assertThat(EN.minYears(1)).isEqualTo("At least 1 year of professional experience");
    assertThat(EN.minYears(5)).isEqualTo("At least 5 years of professional experience");
    assertThat(DE.minYears(1)).isEqualTo("Mindestens 1 Jahr Berufserfahrung");
    assertThat(FR.minYears(3)).isEqualTo("Au moins 3 ans d'expérience professionnelle");
    assertThat(EN.yearsInPositions(1, 1)).isEqualTo("1 year in 1 position");
    assertThat(DE.yearsInPositions(9, 3)).isEqualTo("9 Jahre in 3 Positionen");
    assertThat(FR.yearsInPositions(0, 2)).isEqualTo("moins d'un an sur 2 postes");
  }

  @Test
  void educationRequirementsReadNaturally() {
    assertThat(EN.educationRequirement(EducationLevel.BACHELOR)).isEqualTo("Bachelor's degree or higher");
    assertThat(DE.educationRequirement(EducationLevel.MASTER)).isEqualTo("Mindestens Master oder Diplom");
    assertThat(DE.educationRequirement(EducationLevel.VOCATIONAL))
        .isEqualTo("Mindestens eine abgeschlossene Berufsausbildung");
    assertThat(FR.educationRequirement(EducationLevel.MASTER)).isEqualTo("Au minimum Bac+5 (master, diplôme d'ingénieur)");
    assertThat(FR.educationRequirement(EducationLevel.DOCTORATE)).isEqualTo("Doctorat");
    for (OfferLabels labels : List.of(EN, DE, FR)) {
      assertThat(Arrays.stream(EducationLevel.values()).map(labels::educationLevel).distinct())
          .hasSize(EducationLevel.values().length);
    }
  }

  @Test
  void languageNamesAndLevels() {
    assertThat(List.of(EN, DE, FR)).extracting(l -> l.languageName("de"))
        .containsExactly("German", "Deutsch", "allemand");
    assertThat(EN.languageName("Klingon")).isEqualTo("Klingon");
    assertThat(DE.cefr(CefrLevel.NATIVE)).isEqualTo("Muttersprache");
    assertThat(FR.cefr(CefrLevel.B2)).isEqualTo("B2");
  }

  @Test
  void componentLabelsByIdAndWhatIsLeftOfAList() {
    assertThat(List.of(EN, DE, FR)).extracting(l -> l.component("required_skills").orElseThrow())
        .containsExactly("Required skills", "Erforderliche Kenntnisse", "Compétences obligatoires");
    assertThat(EN.component("unknown")).isEmpty();
    assertThat(EN.component(null)).isEmpty();
    assertThat(List.of(EN, DE, FR)).extracting(l -> l.more(3)).containsExactly("+ 3 more", "+ 3 weitere", "+ 3 autres");
  }
}
