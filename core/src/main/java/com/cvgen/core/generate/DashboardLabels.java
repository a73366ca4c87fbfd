package com.cvgen.core.generate;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Localized texts of the HTML dashboard (de, en, fr) that the Word documents do not need: panel
 * titles, notes shown in place of a chart that has no data, chart captions and the names of skill
 * categories. Words the documents share (section names, "present", month names) stay in
 * {@link Labels}.
 *
 * <p>Texts with {@code %s}/{@code %d} placeholders are formatted with {@link #format}, in the
 * language's locale (so numbers read "7.5" in English and "7,5" in German and French).
 */
final class DashboardLabels {

  /** A dashboard text, with its English, German and French wording. */
  enum Key {
    TITLE("CV dashboard", "CV-Dashboard", "Tableau de bord du CV"),
    FILES("Files", "Dateien", "Fichiers"),
    OVERVIEW("Overview", "Überblick", "Vue d'ensemble"),
    MATCH("Job match", "Passung zur Stelle", "Adéquation au poste"),
    MATCH_SCORE("Match score", "Passung", "Score d'adéquation"),
    QUALITY_SCORE("CV quality", "CV-Qualität", "Qualité du CV"),
    YEARS_EXPERIENCE("Years of experience", "Jahre Berufserfahrung", "Années d'expérience"),
    SKILL_COUNT("Skills listed", "Genannte Kenntnisse", "Compétences citées"),
    OUT_OF_100("of 100", "von 100", "sur 100"),
    MATCHED_AGAINST("Matched against", "Abgeglichen mit", "Comparé à"),
    COVERAGE("Requirement coverage", "Abdeckung der Anforderungen", "Couverture des exigences"),
    CRITERION("Criterion", "Kriterium", "Critère"),
    WEIGHT("Weight", "Gewicht", "Poids"),
    SCORE("Score", "Erfüllung", "Score"),
    MATCHED("Matched", "Vorhanden", "Présent"),
    MISSING("Missing", "Fehlt", "Manquant"),
    SKILLS_BY_CATEGORY("Skills by category", "Kenntnisse nach Kategorie", "Compétences par catégorie"),
    SKILLS_IN_JOB("Asked for in the job profile", "Im Stellenprofil gefragt", "Demandé dans le profil de poste"),
    TIMELINE("Experience timeline", "Berufserfahrung im Zeitverlauf", "Chronologie de l'expérience"),
    FEEDBACK("CV feedback", "Feedback zum Lebenslauf", "Retour sur le CV"),
    FINDINGS_BY_SEVERITY("Findings by severity", "Hinweise nach Schweregrad", "Constats par gravité"),
    SUGGESTION("Suggestion", "Vorschlag", "Suggestion"),
    ERROR("Error", "Fehler", "Erreur"),
    WARNING("Warning", "Warnung", "Avertissement"),
    INFO("Note", "Hinweis", "Remarque"),
    JOB("Job profile", "Stellenprofil", "Profil de poste"),
    REQUIRED_SKILLS("Required skills", "Geforderte Kenntnisse", "Compétences requises"),
    PREFERRED_SKILLS("Preferred skills", "Wünschenswerte Kenntnisse", "Compétences souhaitées"),
    MIN_EXPERIENCE("Minimum experience", "Mindesterfahrung", "Expérience minimale"),
    YEARS("%d years", "%d Jahre", "%d ans"),
    NO_JOB("No job profile was given, so there is no match analysis.",
        "Es wurde kein Stellenprofil angegeben, daher gibt es keine Passungsanalyse.",
        "Aucun profil de poste n'a été fourni : il n'y a donc pas d'analyse d'adéquation."),
    NO_MATCH("The match analysis is not available.", "Die Passungsanalyse ist nicht verfügbar.",
        "L'analyse d'adéquation n'est pas disponible."),
    NO_COMPONENTS("The match result lists no criteria.", "Das Passungsergebnis nennt keine Kriterien.",
        "Le résultat d'adéquation ne détaille aucun critère."),
    NO_SKILLS("The CV lists no skills.", "Der Lebenslauf nennt keine Kenntnisse.",
        "Le CV ne mentionne aucune compétence."),
    NO_TIMELINE("The CV has no work experience with readable dates.",
        "Der Lebenslauf enthält keine Berufserfahrung mit lesbaren Daten.",
        "Le CV ne contient aucune expérience professionnelle avec des dates lisibles."),
    NO_FEEDBACK("No quality feedback is available for this CV.",
        "Für diesen Lebenslauf liegt kein Qualitäts-Feedback vor.",
        "Aucun retour qualité n'est disponible pour ce CV."),
    NO_FINDINGS("No findings: nothing to improve was detected.",
        "Keine Hinweise: Es wurde nichts zu verbessern gefunden.",
        "Aucun constat : rien à améliorer n'a été détecté."),
    UNDATED("Not shown on the chart (no readable start date)", "Ohne lesbares Anfangsdatum nicht im Diagramm",
        "Absent du graphique (pas de date de début lisible)"),
    GAUGE_SUMMARY("Match score: %d of 100.", "Passung: %d von 100.", "Score d'adéquation : %d sur 100."),
    COVERAGE_SUMMARY("Bar chart of the score per criterion; the table below lists the values.",
        "Balkendiagramm der Erfüllung je Kriterium; die Tabelle darunter nennt die Werte.",
        "Diagramme en barres du score par critère ; le tableau ci-dessous donne les valeurs."),
    SKILLS_SUMMARY("Number of skills per category: %s.", "Anzahl Kenntnisse je Kategorie: %s.",
        "Nombre de compétences par catégorie : %s."),
    TIMELINE_SUMMARY("Timeline of %d positions; the list below gives each period.",
        "Zeitstrahl von %d Stationen; die Liste darunter nennt jeden Zeitraum.",
        "Chronologie de %d postes ; la liste ci-dessous donne chaque période."),
    SEVERITY_SUMMARY("Number of findings by severity: %s.", "Anzahl Hinweise nach Schweregrad: %s.",
        "Nombre de constats par gravité : %s."),
    GENERATED("Generated on %s by CV Generator.", "Erstellt am %s mit CV Generator.",
        "Généré le %s par CV Generator."),
    CHART_CREDIT("Charts: Chart.js %s (MIT License), included in this file.",
        "Diagramme: Chart.js %s (MIT-Lizenz), in dieser Datei enthalten.",
        "Graphiques : Chart.js %s (licence MIT), inclus dans ce fichier.");

    private final Localized text;

    Key(String en, String de, String fr) {
      this.text = Localized.frenchSpacing(en, de, fr);
    }

    String in(OutputLanguage language) {
      return text.in(language);
    }
  }

  /** Names of the skill categories the vocabulary uses, by category id: en, de, fr. */
  private static final Map<String, String[]> CATEGORIES = Map.ofEntries(
      Map.entry("languages", new String[] {"Programming languages", "Programmiersprachen", "Langages de programmation"}),
      Map.entry("frameworks", new String[] {"Frameworks", "Frameworks", "Frameworks"}),
      Map.entry("cloud", new String[] {"Cloud & infrastructure", "Cloud & Infrastruktur", "Cloud et infrastructure"}),
      Map.entry("data", new String[] {"Data & databases", "Daten & Datenbanken", "Données et bases de données"}),
      Map.entry("devops", new String[] {"DevOps", "DevOps", "DevOps"}),
      Map.entry("tools", new String[] {"Tools", "Werkzeuge", "Outils"}),
      Map.entry("methods", new String[] {"Methods", "Methoden", "Méthodes"}),
      Map.entry("testing", new String[] {"Testing", "Testen", "Tests"}),
      Map.entry("security", new String[] {"Security", "Sicherheit", "Sécurité"}),
      Map.entry("web", new String[] {"Web", "Web", "Web"}),
      Map.entry("mobile", new String[] {"Mobile", "Mobile Entwicklung", "Mobile"}),
      Map.entry("ai", new String[] {"AI & machine learning", "KI & maschinelles Lernen", "IA et apprentissage automatique"}),
      Map.entry("design", new String[] {"Design", "Design", "Design"}),
      Map.entry("business", new String[] {"Business", "Betriebswirtschaft", "Gestion"}),
      Map.entry("soft", new String[] {"Soft skills", "Soziale Kompetenzen", "Savoir-être"}),
      Map.entry("other", new String[] {"Other", "Sonstige", "Autres"}));

  private final OutputLanguage language;

  private DashboardLabels(OutputLanguage language) {
    this.language = language;
  }

  /** The dashboard labels for {@code language}. */
  static DashboardLabels of(OutputLanguage language) {
    return new DashboardLabels(Objects.requireNonNull(language, "language"));
  }

  /** The text for {@code key} in this language. */
  String get(Key key) {
    return key.in(language);
  }

  /**
   * The text for {@code key} as the lead-in of what follows it: "Suggestion: ", "Vorschlag: ",
   * and in French with the no-break space before the colon, "Suggestion\u00A0: ".
   */
  String lead(Key key) {
    return get(key) + (language == OutputLanguage.FR ? "\u00A0: " : ": ");
  }

  /** The text for {@code key} with its placeholders filled, numbers in this language's style. */
  String format(Key key, Object... args) {
    return String.format(language.locale(), key.in(language), args);
  }

  /**
   * The display name of a skill category id such as "cloud"; an id this class does not know is
   * shown as itself with a capital first letter ("data-science" becomes "Data science").
   */
  String category(String id) {
    String key = id == null || id.isBlank() ? "other" : id.strip().toLowerCase(Locale.ROOT);
    String[] names = CATEGORIES.get(key);
    if (names != null) {
      return switch (language) {
        case EN -> names[0];
        case DE -> names[1];
        case FR -> names[2];
      };
    }
    String words = key.replace('_', ' ').replace('-', ' ');
    return words.substring(0, 1).toUpperCase(language.locale()) + words.substring(1);
  }
}
