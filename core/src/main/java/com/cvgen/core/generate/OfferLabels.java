package com.cvgen.core.generate;

import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.EducationLevel;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Localized texts of the Word offer (de, en, fr), beside the shared document {@link Labels}:
 * headings, the cover block's field names, the requirement table's words, and the phrases built
 * from numbers (years of experience, percentages, dates written out in full).
 *
 * <pre>{@code
 * OfferLabels fr = OfferLabels.of(OutputLanguage.FR);
 * fr.get(OfferLabels.Key.DOCUMENT);              // "Proposition de candidat"
 * fr.labelled(fr.get(OfferLabels.Key.COMPANY));  // "Entreprise : " (no-break space before the colon)
 * fr.longDate(LocalDate.of(2025, 3, 1));         // "1er mars 2025"
 * }</pre>
 *
 * Like {@link Labels}, all wording is fixed tables, independent of the runtime's locale data.
 */
public final class OfferLabels {

  /** A localized text of the offer, with its English, German and French wording. */
  public enum Key {
    DOCUMENT("Candidate proposal", "Kandidatenvorschlag", "Proposition de candidat"),
    PROPOSED_ROLE("Proposed role", "Vorgeschlagene Position", "Poste proposé"),
    COMPANY("Company", "Unternehmen", "Entreprise"),
    LOCATION("Location", "Arbeitsort", "Lieu de travail"),
    DATE("Date", "Datum", "Date"),
    PROFILE("Profile", "Profil", "Profil"),
    MATCH("Match with the role", "Passung zur Position", "Adéquation au poste"),
    SCORE_CAPTION("Overall match with the job requirements, out of 100",
        "Gesamtübereinstimmung mit den Anforderungen, von 100 Punkten",
        "Adéquation globale aux exigences du poste, sur 100"),
    REQUIREMENTS_MET("Requirements met", "Erfüllte Anforderungen", "Exigences satisfaites"),
    GAPS("Gaps", "Lücken", "Écarts"),
    NO_GAPS("No gaps against the stated requirements.",
        "Keine Lücken gegenüber den genannten Anforderungen.",
        "Aucun écart par rapport aux exigences indiquées."),
    ASSESSMENT("Assessment in detail", "Bewertung im Einzelnen", "Évaluation détaillée"),
    WEIGHT("weight", "Gewichtung", "pondération"),
    RELEVANT_EXPERIENCE("Relevant experience", "Relevante Berufserfahrung", "Expérience pertinente"),
    RELEVANT_TO_ROLE("Relevant to the role", "Bezug zur Position", "En lien avec le poste"),
    FURTHER_POSITIONS("Further positions", "Weitere Stationen", "Autres postes"),
    REQUIREMENTS("Requirements and evidence", "Anforderungen und Nachweise", "Exigences et justificatifs"),
    NO_REQUIREMENTS("The job profile states no requirements.", "Das Stellenprofil nennt keine Anforderungen.",
        "Le profil de poste n'indique aucune exigence."),
    REQUIREMENT("Requirement", "Anforderung", "Exigence"),
    PRIORITY("Priority", "Priorität", "Priorité"),
    STATUS("Status", "Status", "Statut"),
    EVIDENCE("Evidence in the CV", "Nachweis im Lebenslauf", "Justificatif dans le CV"),
    REQUIRED("required", "erforderlich", "obligatoire"),
    PREFERRED("preferred", "wünschenswert", "souhaitable"),
    MET("met", "erfüllt", "satisfaite"),
    NOT_MET("not met", "nicht erfüllt", "non satisfaite"),
    NOT_FOUND("not found in the CV", "im Lebenslauf nicht gefunden", "absent du CV"),
    LEVEL_NOT_STATED("level not stated", "Niveau nicht angegeben", "niveau non précisé"),
    NATIVE("native", "Muttersprache", "langue maternelle"),
    PROJECT("Project", "Projekt", "Projet"),
    CERTIFICATE("Certificate", "Zertifikat", "Certification"),
    LESS_THAN_A_YEAR("less than a year", "weniger als ein Jahr", "moins d'un an");

    private final Localized text;

    Key(String en, String de, String fr) {
      this.text = new Localized(en, de, fr);
    }

    String in(OutputLanguage language) {
      return text.in(language);
    }
  }

  /** The check and cross marks that go with the words for met and not met. */
  public static final String CHECK = "✓";
  public static final String CROSS = "✗";

  private static final Map<OutputLanguage, List<String>> MONTHS = new EnumMap<>(Map.of(
      OutputLanguage.EN, List.of("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"),
      OutputLanguage.DE, List.of("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"),
      OutputLanguage.FR, List.of("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")));

  /** The match components the matcher writes, by id: English, German, French. */
  private static final Map<String, List<String>> COMPONENTS = Map.of(
      "required_skills", List.of("Required skills", "Erforderliche Kenntnisse", "Compétences obligatoires"),
      "preferred_skills", List.of("Preferred skills", "Wünschenswerte Kenntnisse", "Compétences souhaitables"),
      "experience", List.of("Experience", "Berufserfahrung", "Expérience"),
      "education", List.of("Education", "Ausbildung", "Formation"),
      "languages", List.of("Languages", "Sprachen", "Langues"),
      "title", List.of("Job title", "Berufsbezeichnung", "Intitulé du poste"));

  private static final String NBSP = "\u00A0";

  private final OutputLanguage language;
  private final Labels labels;

  private OfferLabels(OutputLanguage language) {
    this.language = language;
    this.labels = Labels.of(language);
  }

  /** The offer labels for {@code language}. */
  public static OfferLabels of(OutputLanguage language) {
    return new OfferLabels(Objects.requireNonNull(language, "language"));
  }

  public OutputLanguage language() {
    return language;
  }

  /** The shared document labels (section headings, dates) in the same language. */
  public Labels labels() {
    return labels;
  }

  /** The text for {@code key} in this language. */
  public String get(Key key) {
    return key.in(language);
  }

  /** The text for a shared document label, e.g. {@link Labels.Key#EDUCATION}. */
  public String get(Labels.Key key) {
    return labels.get(key);
  }

  /** The colon and space that introduce a value: ": ", in French "\u00A0: " (no-break space before). */
  public String colon() {
    return language == OutputLanguage.FR ? NBSP + ": " : ": ";
  }

  /** {@code label} with the {@link #colon()}: "Company: ", "Entreprise : ". */
  public String labelled(String label) {
    return label + colon();
  }

  /** A date written out: "1 March 2025", "1. März 2025", "1er mars 2025". */
  public String longDate(LocalDate date) {
    Objects.requireNonNull(date, "date");
    String monthYear = MONTHS.get(language).get(date.getMonthValue() - 1) + " " + date.getYear();
    int day = date.getDayOfMonth();
    return switch (language) {
      case EN -> day + " " + monthYear;
      case DE -> day + ". " + monthYear;
      case FR -> (day == 1 ? "1er" : Integer.toString(day)) + " " + monthYear;
    };
  }

  /**
   * A share 0..1 as a whole percentage: "75%" in English, "75 %" in German and French (with a
   * no-break space). Values outside 0..1 are clamped.
   */
  public String percent(double share) {
    double clamped = Double.isNaN(share) ? 0 : Math.clamp(share, 0.0, 1.0);
    long value = Math.round(clamped * 100);
    return language == OutputLanguage.EN ? value + "%" : value + NBSP + "%";
  }

  /** The requirement "at least N years of professional experience". */
  public String minYears(int years) {
    return switch (language) {
      case EN -> "At least " + years + (years == 1 ? " year" : " years") + " of professional experience";
      case DE -> "Mindestens " + years + (years == 1 ? " Jahr" : " Jahre") + " Berufserfahrung";
      case FR -> "Au moins " + years + (years == 1 ? " an" : " ans") + " d'expérience professionnelle";
    };
  }

  /** Evidence of experience: "9 years in 3 positions"; under a year "less than a year in 1 position". */
  public String yearsInPositions(int years, int positions) {
    String span = years < 1 ? get(Key.LESS_THAN_A_YEAR) : switch (language) {
      case EN -> years + (years == 1 ? " year" : " years");
      case DE -> years + (years == 1 ? " Jahr" : " Jahre");
      case FR -> years + (years == 1 ? " an" : " ans");
    };
    return span + switch (language) {
      case EN -> " in " + positions + (positions == 1 ? " position" : " positions");
      case DE -> " in " + positions + (positions == 1 ? " Position" : " Positionen");
      case FR -> " sur " + positions + (positions == 1 ? " poste" : " postes");
    };
  }

  /**
   * An education level as a degree: "Master's degree", "Master oder Diplom", and in French the
   * usual "Bac+n" with its degrees, "Bac+5 (master, diplôme d'ingénieur)".
   */
  public String educationLevel(EducationLevel level) {
    return switch (Objects.requireNonNull(level, "level")) {
      case SECONDARY -> pick("Secondary school leaving certificate", "Abitur oder Fachabitur", "Baccalauréat");
      case VOCATIONAL -> pick("Vocational qualification", "Abgeschlossene Berufsausbildung", "CAP ou BEP");
      case ASSOCIATE -> pick("Associate degree", "Fachschul- oder Kurzstudienabschluss", "Bac+2 (BTS, DUT)");
      case BACHELOR -> pick("Bachelor's degree", "Bachelor", "Bac+3 (licence, bachelor)");
      case MASTER -> pick("Master's degree", "Master oder Diplom", "Bac+5 (master, diplôme d'ingénieur)");
      case DOCTORATE -> pick("Doctorate", "Promotion", "Doctorat");
    };
  }

  /**
   * The education requirement, this level or a higher one: "Master's degree or higher",
   * "Mindestens Master oder Diplom", "Au minimum Bac+5 (master, diplôme d'ingénieur)"; a doctorate
   * alone, there being no higher level.
   */
  public String educationRequirement(EducationLevel level) {
    String degree = educationLevel(level);
    if (level == EducationLevel.DOCTORATE) return degree;
    return switch (language) {
      case EN -> degree + " or higher";
      case DE -> "Mindestens " + switch (level) {
        case VOCATIONAL -> "eine abgeschlossene Berufsausbildung";
        case ASSOCIATE -> "ein Fachschul- oder Kurzstudienabschluss";
        default -> degree;
      };
      case FR -> "Au minimum " + degree;
    };
  }

  /** A CEFR level for display: "C1", and the native level as a word ("native", "Muttersprache"). */
  public String cefr(CefrLevel level) {
    Objects.requireNonNull(level, "level");
    return level == CefrLevel.NATIVE ? get(Key.NATIVE) : level.name();
  }

  /**
   * A language name for display: an ISO 639-1 code ("de") becomes the language's name in this
   * language ("German", "Deutsch", "allemand"); any other text is returned as it is.
   */
  public String languageName(String nameOrCode) {
    String v = WordStyles.clean(nameOrCode);
    if (v.length() == 2 && v.chars().allMatch(Character::isLetter)) {
      Locale named = Locale.forLanguageTag(v.toLowerCase(Locale.ROOT));
      String display = named.getDisplayLanguage(language.locale());
      if (!display.isEmpty() && !display.equalsIgnoreCase(v)) return display;
    }
    return v;
  }

  /** The label of a match component by its id ("required_skills", ...), if the id is known. */
  public Optional<String> component(String id) {
    List<String> names = id == null ? null : COMPONENTS.get(id);
    return names == null ? Optional.empty() : Optional.of(pick(names.get(0), names.get(1), names.get(2)));
  }

  /** What is left of a list cut short: "+ 3 more", "+ 3 weitere", "+ 3 autres". */
  public String more(int count) {
    return "+ " + count + pick(" more", " weitere", " autres");
  }

  /** The score of a component with its weight: "75%, weight 40%", "75 %, Gewichtung 40 %". */
  public String scoreWithWeight(double score, double weight) {
    return percent(score) + ", " + get(Key.WEIGHT) + " " + percent(weight);
  }

  private String pick(String en, String de, String fr) {
    return switch (language) {
      case EN -> en;
      case DE -> de;
      case FR -> fr;
    };
  }
}
