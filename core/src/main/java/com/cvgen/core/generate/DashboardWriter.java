package com.cvgen.core.generate;

import com.cvgen.core.analyze.WorkHistory;
import com.cvgen.core.generate.DashboardLabels.Key;
import com.cvgen.core.json.Json;
import com.cvgen.core.model.Basics;
import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.Feedback.Finding;
import com.cvgen.core.model.Feedback.Severity;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Work;
import com.cvgen.core.skills.SkillVocabulary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the dashboard ({@code dashboard.html}): one self-contained HTML5 page that shows a CV at a
 * glance, its match against a job profile and the quality feedback on it, with charts.
 *
 * <p>Panels: a header with the person's name, title and contact data and links to the other
 * outputs; overview tiles (match score, CV quality, years of experience, number of skills); the
 * match score as a gauge with the job profile's requirements; requirement coverage as a bar per
 * match criterion with a table of what matched and what is missing; skills by category (a radar
 * for three to eight categories, bars otherwise; categories from the {@link SkillVocabulary},
 * "other" when it does not know a skill); an experience timeline (a floating bar per position from its start to
 * its end, or today when ongoing); and the feedback findings by severity, as a colored list and a
 * bar chart of their counts. A panel without data shows a short note instead of an empty chart.
 *
 * <p>The page works offline and requests nothing from any network: Chart.js (from the WebJar on the
 * class path, with its MIT license notice) and the drawing script are inlined, styles use system
 * font stacks, and a Content Security Policy allows only the page's own two scripts, by hash. All
 * text from the CV, the job profile, the match and the feedback is HTML-escaped; the chart data is
 * inlined as JSON in a {@code <script type="application/json" id="data">} element with {@code < > &}
 * and U+2028/U+2029 written as {@code \}{@code u} escapes. URLs from the CV are shown as text, never
 * as links, so nothing in the page can load or point to outside content by itself. Every canvas has
 * an {@code aria-label} and a text equivalent beside it; {@code @media print} rules lay the panels
 * out for paper.
 *
 * <p>Stateless and thread-safe; the clock only gives "today" for ongoing positions and the
 * generation date.
 */
public final class DashboardWriter {

  /** A relative link target: a plain file name such as {@code cv.docx}, no path, no scheme. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
  /** Longest chart label, and longest line of a two-line timeline label, in code points. */
  private static final int MAX_CHART_LABEL = 42;
  private static final int MAX_LINE = 30;
  private static final String DOT = " · ";
  private static final ObjectWriter JSON = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  private final Clock clock;
  private final SkillVocabulary vocabulary;

  /** A writer on the system clock with the default skills vocabulary. */
  public DashboardWriter() {
    this(Clock.systemDefaultZone(), SkillVocabulary.defaults());
  }

  /**
   * A writer with the given clock (for "today") and skills vocabulary (for skill categories).
   */
  public DashboardWriter(Clock clock, SkillVocabulary vocabulary) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /**
   * Writes the dashboard as UTF-8 HTML to {@code out}, which is flushed and left open.
   *
   * @param cv the CV
   * @param job the job profile the CV was matched against, or null
   * @param match the match result, or null when there is no job profile or no match
   * @param feedback the quality feedback, or null when there is none
   * @param lang the language of the page
   * @param links the other outputs to link to, in order: file name relative to the dashboard (such
   *     as {@code cv.docx} or {@code match_result.json}) to the link's label; null means none
   * @param out where the page goes
   * @throws IllegalArgumentException if a link's file name is not a plain file name (letters,
   *     digits, {@code . _ -}, not starting with a dot)
   * @throws IOException if writing to {@code out} fails
   */
  public void write(Resume cv, JobProfile job, MatchResult match, Feedback feedback, OutputLanguage lang,
      Map<String, String> links, OutputStream out) throws IOException {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(out, "out");
    Map<String, String> files = links == null ? Map.of() : links;
    for (String name : files.keySet()) {
      if (name == null || !FILE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("a dashboard link must be a plain file name, was '" + name + "'");
      }
    }
    String html = new Composer(cv, job, match, feedback, lang, files, LocalDate.now(clock), vocabulary,
        DashboardAssets.get()).page();
    out.write(html.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  // ---------------------------------------------------------------------------------------------
  // The chart data inlined as JSON (serialized by Jackson; records become objects).

  /** Everything the page script draws; a null part means "no such chart". */
  record ChartData(String lang, Map<String, String> labels, MatchData match, SkillData skills,
      TimelineData timeline, FeedbackData feedback) {}

  record MatchData(int score, List<ComponentData> components) {}

  record ComponentData(String label, int percent, int weightPercent) {}

  record SkillData(boolean radar, List<CategoryData> categories) {}

  record CategoryData(String id, String label, int count) {}

  record TimelineData(double min, double max, int step, List<EntryData> entries) {}

  record EntryData(List<String> label, double start, double end, boolean ongoing, String range) {}

  record FeedbackData(List<SeverityData> severities) {}

  record SeverityData(String id, String label, int count) {}

  // ---------------------------------------------------------------------------------------------

  /** A skill of the CV with its vocabulary category. */
  private record CvSkill(String name, String canonical, String category) {}

  /** A work entry placed on the time axis (fractional years), or without a readable start. */
  private record Period(Work work, List<String> label, String range, Double start, Double end, boolean ongoing) {}

  /** Builds one page. */
  private static final class Composer {
    private final Resume cv;
    private final JobProfile job;
    private final MatchResult match;
    private final Feedback feedback;
    private final OutputLanguage lang;
    private final Map<String, String> links;
    private final LocalDate today;
    private final SkillVocabulary vocabulary;
    private final DashboardAssets assets;
    private final Labels labels;
    private final DashboardLabels text;
    private final StringBuilder html = new StringBuilder(300_000);

    private final List<CvSkill> skills;
    private final List<Period> periods;
    private final Set<String> jobSkills;

    Composer(Resume cv, JobProfile job, MatchResult match, Feedback feedback, OutputLanguage lang,
        Map<String, String> links, LocalDate today, SkillVocabulary vocabulary, DashboardAssets assets) {
      this.cv = cv;
      this.job = job;
      this.match = match;
      this.feedback = feedback;
      this.lang = lang;
      this.links = links;
      this.today = today;
      this.vocabulary = vocabulary;
      this.assets = assets;
      this.labels = Labels.of(lang);
      this.text = DashboardLabels.of(lang);
      this.skills = cvSkills();
      this.periods = cv.work().stream().map(this::period).toList();
      this.jobSkills = jobSkillKeys();
    }

    String page() {
      String data = Html.jsonForScript(json(chartData()));
      String chartJs = "/*! Chart.js " + assets.chartJsVersion() + ", LICENSE.md:\n" + assets.chartJsLicense()
          + "\n*/\n" + assets.chartJs();
      String script = assets.script();
      String csp = "default-src 'none'; script-src " + DashboardAssets.cspHash(chartJs) + " "
          + DashboardAssets.cspHash(script) + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
          + "form-action 'none'";

      html.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\">\n<head>\n")
          .append("<meta charset=\"utf-8\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(Html.escape(csp)).append("\">\n")
          .append("<meta name=\"generator\" content=\"CV Generator\">\n")
          .append("<title>").append(esc(title())).append("</title>\n")
          .append("<style>\n").append(assets.css()).append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
      masthead();
      overview();
      html.append("<main class=\"grid\">\n");
      matchPanels();
      skillsPanel();
      timelinePanel();
      feedbackPanel();
      html.append("</main>\n");
      footer();
      html.append("</div>\n")
          .append("<script type=\"application/json\" id=\"data\">").append(data).append("</script>\n")
          .append("<script>").append(chartJs).append("</script>\n")
          .append("<script>").append(script).append("</script>\n")
          .append("</body>\n</html>\n");
      return html.toString();
    }

    private String title() {
      String name = clean(cv.basics().name());
      return name.isEmpty() ? text.get(Key.TITLE) : name + " – " + text.get(Key.TITLE);
    }

    // --- header and overview -------------------------------------------------------------------

    private void masthead() {
      Basics b = cv.basics();
      html.append("<header class=\"masthead\">\n<div class=\"who\">\n")
          .append("<p class=\"kicker\">").append(esc(text.get(Key.TITLE))).append("</p>\n")
          .append("<h1>").append(esc(has(b.name()) ? b.name() : text.get(Key.TITLE))).append("</h1>\n");
      if (has(b.label())) html.append("<p class=\"role\">").append(esc(b.label())).append("</p>\n");
      List<String> contact = new ArrayList<>();
      for (String s : new String[] {b.email(), b.phone(), b.location() == null ? null : b.location().display(), b.url()}) {
        if (has(s)) contact.add(s);
      }
      for (Basics.Profile p : b.profiles()) {
        String handle = has(p.username()) ? p.username() : p.url();
        if (!has(handle)) continue;
        contact.add(has(p.network()) ? p.network().strip() + ": " + handle.strip() : handle);
      }
      if (!contact.isEmpty()) {
        html.append("<ul class=\"contact\">");
        contact.forEach(c -> html.append("<li>").append(esc(c)).append("</li>"));
        html.append("</ul>\n");
      }
      html.append("</div>\n");
      if (!links.isEmpty()) {
        html.append("<nav class=\"files\" aria-labelledby=\"files-title\">\n<h2 id=\"files-title\">")
            .append(esc(text.get(Key.FILES))).append("</h2>\n<ul>");
        links.forEach((file, label) -> {
          html.append("<li><a href=\"").append(esc(file)).append("\">");
          if (has(label)) {
            html.append(esc(label)).append(" <span class=\"file-name\">").append(esc(file)).append("</span>");
          } else {
            html.append(esc(file));
          }
          html.append("</a></li>");
        });
        html.append("</ul>\n</nav>\n");
      }
      html.append("</header>\n");
    }

    private void overview() {
      StringBuilder tiles = new StringBuilder();
      if (match != null) {
        int score = clampScore(match.score());
        tile(tiles, text.get(Key.MATCH_SCORE), String.valueOf(score), text.get(Key.OUT_OF_100), band(score));
      }
      if (feedback != null) {
        int score = clampScore(feedback.score());
        tile(tiles, text.get(Key.QUALITY_SCORE), String.valueOf(score), text.get(Key.OUT_OF_100), band(score));
      }
      double years = WorkHistory.years(cv, YearMonth.from(today));
      if (years > 0) {
        tile(tiles, text.get(Key.YEARS_EXPERIENCE), String.format(lang.locale(), "%.1f", years), "", "");
      }
      if (!skills.isEmpty()) {
        tile(tiles, text.get(Key.SKILL_COUNT), String.valueOf(skills.size()), "", "");
      }
      if (!tiles.isEmpty()) {
        html.append("<section class=\"kpis\" aria-label=\"").append(esc(text.get(Key.OVERVIEW))).append("\">\n")
            .append(tiles).append("</section>\n");
      }
    }

    private static void tile(StringBuilder out, String label, String value, String unit, String cssClass) {
      out.append("<div class=\"kpi").append(cssClass.isEmpty() ? "" : " " + cssClass).append("\">")
          .append("<p class=\"kpi-label\">").append(esc(label)).append("</p>")
          .append("<p class=\"kpi-value\">").append(esc(value));
      if (!unit.isEmpty()) out.append("<span class=\"kpi-unit\">").append(esc(unit)).append("</span>");
      out.append("</p></div>\n");
    }

    // --- match ---------------------------------------------------------------------------------

    private void matchPanels() {
      if (job == null && match == null) {
        html.append("<section class=\"card match\" aria-labelledby=\"match-title\">\n")
            .append("<h2 id=\"match-title\">").append(esc(text.get(Key.MATCH))).append("</h2>\n");
        note(text.get(Key.NO_JOB));
        html.append("</section>\n");
        return;
      }
      html.append("<section class=\"card third match\" aria-labelledby=\"match-title\">\n")
          .append("<h2 id=\"match-title\">").append(esc(text.get(Key.MATCH))).append("</h2>\n");
      if (job != null) {
        String target = joined(DOT, job.title(), job.company());
        if (!target.isEmpty()) {
          html.append("<p class=\"subtitle\">").append(esc(text.lead(Key.MATCHED_AGAINST)))
              .append(esc(target)).append("</p>\n");
        }
      }
      if (match != null) {
        int score = clampScore(match.score());
        String summary = text.format(Key.GAUGE_SUMMARY, score);
        html.append("<div class=\"gauge\">")
            .append("<canvas id=\"chart-match\" role=\"img\" aria-label=\"").append(esc(summary)).append("\">")
            .append(esc(summary)).append("</canvas>")
            .append("<div class=\"gauge-value\" aria-hidden=\"true\"><strong>").append(score).append("</strong>")
            .append("<span>").append(esc(text.get(Key.OUT_OF_100))).append("</span></div></div>\n");
        if (has(match.summary())) {
          html.append("<p class=\"match-summary\">").append(esc(match.summary())).append("</p>\n");
        }
      } else {
        note(text.get(Key.NO_MATCH));
      }
      if (job != null) jobRequirements();
      html.append("</section>\n");

      html.append("<section class=\"card two-thirds coverage\" aria-labelledby=\"coverage-title\">\n")
          .append("<h2 id=\"coverage-title\">").append(esc(text.get(Key.COVERAGE))).append("</h2>\n");
      if (match == null) {
        note(text.get(Key.NO_MATCH));
      } else if (match.components().isEmpty()) {
        note(text.get(Key.NO_COMPONENTS));
      } else {
        coverage();
      }
      html.append("</section>\n");
    }

    private void jobRequirements() {
      JobProfile.Requirements r = job.requirements();
      List<String> required = r.requiredSkills();
      List<String> preferred = r.preferredSkills();
      if (required.isEmpty() && preferred.isEmpty()) {
        required = job.skills().stream().map(Skill::name).filter(Composer::has).toList();
      }
      chipList(text.get(Key.REQUIRED_SKILLS), required);
      chipList(text.get(Key.PREFERRED_SKILLS), preferred);
      if (r.minYearsExperience() != null && r.minYearsExperience() > 0) {
        html.append("<h3>").append(esc(text.get(Key.MIN_EXPERIENCE))).append("</h3>\n<p>")
            .append(esc(text.format(Key.YEARS, r.minYearsExperience()))).append("</p>\n");
      }
    }

    private void chipList(String heading, List<String> items) {
      List<String> shown = items.stream().filter(Composer::has).toList();
      if (shown.isEmpty()) return;
      html.append("<h3>").append(esc(heading)).append("</h3>\n<ul class=\"chips\">");
      for (String s : shown) {
        html.append("<li class=\"chip").append(hasCvSkill(s) ? " hit" : "").append("\">").append(esc(s)).append("</li>");
      }
      html.append("</ul>\n");
    }

    private void coverage() {
      List<MatchResult.Component> components = match.components();
      html.append("<div class=\"chart\" style=\"height:").append(chartHeight(components.size(), 44)).append("px\">")
          .append("<canvas id=\"chart-coverage\" role=\"img\" aria-label=\"").append(esc(text.get(Key.COVERAGE)))
          .append("\" aria-describedby=\"coverage-summary\">").append(esc(text.get(Key.COVERAGE_SUMMARY)))
          .append("</canvas></div>\n<p class=\"chart-summary\" id=\"coverage-summary\">")
          .append(esc(text.get(Key.COVERAGE_SUMMARY))).append("</p>\n");
      html.append("<table>\n<thead><tr><th scope=\"col\">").append(esc(text.get(Key.CRITERION)))
          .append("</th><th scope=\"col\" class=\"num\">").append(esc(text.get(Key.WEIGHT)))
          .append("</th><th scope=\"col\" class=\"num\">").append(esc(text.get(Key.SCORE)))
          .append("</th></tr></thead>\n<tbody>\n");
      for (MatchResult.Component c : components) {
        html.append("<tr><td>").append(esc(componentLabel(c)));
        if (has(c.reasoning())) html.append("<span class=\"reasoning\">").append(esc(c.reasoning())).append("</span>");
        if (!c.matched().isEmpty() || !c.missing().isEmpty()) {
          html.append("<ul class=\"chips\">");
          c.matched().stream().filter(Composer::has).forEach(s -> html.append("<li class=\"chip hit\" title=\"")
              .append(esc(text.get(Key.MATCHED))).append("\">✓ ").append(esc(s)).append("</li>"));
          c.missing().stream().filter(Composer::has).forEach(s -> html.append("<li class=\"chip miss\" title=\"")
              .append(esc(text.get(Key.MISSING))).append("\">✗ ").append(esc(s)).append("</li>"));
          html.append("</ul>");
        }
        html.append("</td><td class=\"num\">").append(percent(c.weight())).append(" %</td><td class=\"num\">")
            .append(percent(c.score())).append(" %</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }

    private static String componentLabel(MatchResult.Component c) {
      return has(c.label()) ? c.label() : has(c.id()) ? c.id() : "—";
    }

    // --- skills --------------------------------------------------------------------------------

    private void skillsPanel() {
      html.append("<section class=\"card skills\" aria-labelledby=\"skills-title\">\n")
          .append("<h2 id=\"skills-title\">").append(esc(text.get(Key.SKILLS_BY_CATEGORY))).append("</h2>\n");
      List<CategoryData> categories = categories();
      if (categories.isEmpty()) {
        note(text.get(Key.NO_SKILLS));
        languages();
        html.append("</section>\n");
        return;
      }
      String counts = categories.stream().map(c -> c.label() + " " + c.count()).collect(Collectors.joining(", "));
      String summary = text.format(Key.SKILLS_SUMMARY, counts);
      html.append("<div class=\"split\">\n<div>")
          .append(radar(categories.size()) ? "<div class=\"chart radar\">"
              : "<div class=\"chart\" style=\"height:" + chartHeight(categories.size(), 34) + "px\">")
          .append("<canvas id=\"chart-skills\" role=\"img\" aria-label=\"").append(esc(summary)).append("\">")
          .append(esc(summary)).append("</canvas></div>\n")
          .append("<p class=\"visually-hidden\">").append(esc(summary)).append("</p>\n</div>\n<div>\n");
      html.append("<ul class=\"skill-groups\">\n");
      for (CategoryData category : categories) {
        html.append("<li><span class=\"group-name\">").append(esc(category.label())).append(" (")
            .append(category.count()).append(")</span><ul class=\"chips\">");
        skills.stream().filter(s -> s.category().equals(category.id())).forEach(s ->
            html.append("<li class=\"chip").append(jobSkills.contains(key(s.canonical())) ? " hit" : "")
                .append("\">").append(esc(s.name())).append("</li>"));
        html.append("</ul></li>\n");
      }
      html.append("</ul>\n");
      if (skills.stream().anyMatch(s -> jobSkills.contains(key(s.canonical())))) {
        html.append("<p class=\"legend\"><span class=\"chip hit\">✓</span> ")
            .append(esc(text.get(Key.SKILLS_IN_JOB))).append("</p>\n");
      }
      languages();
      html.append("</div>\n</div>\n</section>\n");
    }

    /** A radar shows 3 to 8 categories well; fewer or more read better as bars. */
    private static boolean radar(int categories) {
      return categories >= 3 && categories <= 8;
    }

    private void languages() {
      List<String> languages = cv.languages().stream().filter(l -> has(l.language()))
          .map(Composer::language).toList();
      if (languages.isEmpty()) return;
      html.append("<h3>").append(esc(labels.get(Labels.Key.LANGUAGES))).append("</h3>\n<ul class=\"chips\">");
      languages.forEach(l -> html.append("<li class=\"chip\">").append(esc(l)).append("</li>"));
      html.append("</ul>\n");
    }

    private static String language(Language l) {
      return has(l.fluency()) ? l.language().strip() + " (" + l.fluency().strip() + ")" : l.language().strip();
    }

    /** The CV's skills: each group's keywords, or the group's name when it has none; once each. */
    private List<CvSkill> cvSkills() {
      Map<String, CvSkill> byKey = new LinkedHashMap<>();
      for (Skill group : cv.skills()) {
        List<String> items = group.keywords().stream().filter(Composer::has).toList();
        if (items.isEmpty() && has(group.name())) items = List.of(group.name());
        for (String item : items) {
          String name = clean(item);
          Optional<SkillVocabulary.SkillTerm> term = vocabulary.canonical(name);
          String canonical = term.map(SkillVocabulary.SkillTerm::name).orElse(name);
          String category = term.map(SkillVocabulary.SkillTerm::category).filter(Composer::has)
              .map(c -> c.strip().toLowerCase(Locale.ROOT)).orElse("other");
          byKey.putIfAbsent(key(canonical), new CvSkill(name, canonical, category));
        }
      }
      return List.copyOf(byKey.values());
    }

    private List<CategoryData> categories() {
      Map<String, Long> counts = skills.stream()
          .collect(Collectors.groupingBy(CvSkill::category, LinkedHashMap::new, Collectors.counting()));
      return counts.entrySet().stream()
          .map(e -> new CategoryData(e.getKey(), text.category(e.getKey()), e.getValue().intValue()))
          .sorted(Comparator.comparingInt(CategoryData::count).reversed()
              .thenComparing(c -> c.id().equals("other") ? 1 : 0)
              .thenComparing(CategoryData::label))
          .toList();
    }

    private Set<String> jobSkillKeys() {
      if (job == null) return Set.of();
      Set<String> keys = new LinkedHashSet<>();
      JobProfile.Requirements r = job.requirements();
      r.requiredSkills().stream().filter(Composer::has).forEach(s -> keys.add(key(vocabulary.canonicalName(s))));
      r.preferredSkills().stream().filter(Composer::has).forEach(s -> keys.add(key(vocabulary.canonicalName(s))));
      for (Skill s : job.skills()) {
        if (has(s.name())) keys.add(key(vocabulary.canonicalName(s.name())));
        s.keywords().stream().filter(Composer::has).forEach(k -> keys.add(key(vocabulary.canonicalName(k))));
      }
      return keys;
    }

    private boolean hasCvSkill(String jobSkill) {
      String k = key(vocabulary.canonicalName(jobSkill));
      return skills.stream().anyMatch(s -> key(s.canonical()).equals(k));
    }

    private static String key(String skill) {
      return skill.strip().toLowerCase(Locale.ROOT);
    }

    // --- experience timeline -------------------------------------------------------------------

    private void timelinePanel() {
      html.append("<section class=\"card timeline\" aria-labelledby=\"timeline-title\">\n")
          .append("<h2 id=\"timeline-title\">").append(esc(text.get(Key.TIMELINE))).append("</h2>\n");
      List<Period> dated = periods.stream().filter(p -> p.start() != null).toList();
      if (dated.isEmpty()) {
        note(text.get(Key.NO_TIMELINE));
        entryList();
      } else {
        String summary = text.format(Key.TIMELINE_SUMMARY, dated.size());
        html.append("<div class=\"split wide-first\">\n")
            .append("<div class=\"chart\" style=\"height:").append(chartHeight(dated.size(), 46)).append("px\">")
            .append("<canvas id=\"chart-timeline\" role=\"img\" aria-label=\"").append(esc(summary))
            .append("\" aria-describedby=\"timeline-entries\">").append(esc(summary)).append("</canvas></div>\n");
        entryList();
        html.append("</div>\n");
      }
      html.append("</section>\n");
    }

    private void entryList() {
      List<Period> listed = periods.stream()
          .filter(p -> has(p.work().position()) || has(p.work().name()) || !p.range().isEmpty()).toList();
      if (listed.isEmpty()) return;
      html.append("<ul class=\"entries\" id=\"timeline-entries\">\n");
      for (Period p : listed) {
        Work w = p.work();
        html.append("<li><span><span class=\"what\">").append(esc(has(w.position()) ? w.position() : w.name()))
            .append("</span>");
        if (has(w.position()) && has(w.name())) {
          html.append(" <span class=\"where\">").append(esc(w.name())).append("</span>");
        }
        html.append("</span><span class=\"when\">").append(esc(p.range())).append("</span>");
        if (p.start() == null) {
          html.append("<span class=\"undated\">").append(esc(text.get(Key.UNDATED))).append("</span>");
        }
        html.append("</li>\n");
      }
      html.append("</ul>\n");
    }

    private Period period(Work w) {
      String range = labels.dateRange(w.startDate(), w.endDate());
      List<String> label = new ArrayList<>();
      for (String part : new String[] {w.position(), w.name()}) {
        if (has(part)) label.add(shorten(part, MAX_LINE));
      }
      if (label.isEmpty()) label.add(range.isEmpty() ? "—" : range);
      Optional<YearMonth> start = parse(w.startDate()).map(d -> d.start);
      if (start.isEmpty()) return new Period(w, label, range, null, null, false);
      double from = start.get().getYear() + (start.get().getMonthValue() - 1) / 12.0;
      boolean ongoing = isOngoing(w.startDate(), w.endDate());
      Optional<ParsedDate> end = ongoing ? Optional.empty() : parse(w.endDate());
      double to;
      if (end.isPresent()) {
        YearMonth e = end.get().end;
        to = e.getYear() + e.getMonthValue() / 12.0;
      } else if (ongoing) {
        to = todayValue();
      } else {
        // an end that cannot be read: the bar covers the start month only, the list says the rest
        to = from + 1 / 12.0;
      }
      if (to < from) to = from + 1 / 12.0;
      return new Period(w, label, range, from, to, ongoing);
    }

    /**
     * Whether a position is ongoing: no end date, or an end that says "present" in words. {@link
     * Labels#dateRange} decides the latter, so the dashboard and the documents agree.
     */
    private boolean isOngoing(String startDate, String endDate) {
      if (endDate == null || endDate.isBlank()) return true;
      if (parse(endDate).isPresent()) return false;
      String range = labels.dateRange(startDate, endDate);
      return range.endsWith(Labels.RANGE_SEPARATOR + labels.get(Labels.Key.PRESENT));
    }

    private double todayValue() {
      return today.getYear() + (today.getMonthValue() - 1 + (today.getDayOfMonth() - 1) / (double) today.lengthOfMonth()) / 12.0;
    }

    private TimelineData timeline() {
      List<EntryData> entries = periods.stream().filter(p -> p.start() != null)
          .map(p -> new EntryData(p.label(), round(p.start()), round(p.end()), p.ongoing(), p.range()))
          .toList();
      if (entries.isEmpty()) return null;
      double first = entries.stream().mapToDouble(EntryData::start).min().orElseThrow();
      double last = Math.max(entries.stream().mapToDouble(EntryData::end).max().orElseThrow(), first + 1);
      int step = yearStep((int) Math.ceil(last) - (int) Math.floor(first));
      double min = Math.floor(Math.floor(first) / step) * step;
      double max = Math.ceil(Math.ceil(last) / step) * step;
      return new TimelineData(min, max, step, entries);
    }

    /** Years between two ticks of the time axis: 1, 2 or 5 times a power of ten, for at most 13 ticks. */
    private static int yearStep(int span) {
      for (int power = 1; ; power *= 10) {
        for (int factor : new int[] {1, 2, 5}) {
          if (span <= 13 * factor * power) return factor * power;
        }
      }
    }

    // --- feedback ------------------------------------------------------------------------------

    private void feedbackPanel() {
      html.append("<section class=\"card feedback\" aria-labelledby=\"feedback-title\">\n")
          .append("<h2 id=\"feedback-title\">").append(esc(text.get(Key.FEEDBACK))).append("</h2>\n");
      if (feedback == null) {
        note(text.get(Key.NO_FEEDBACK));
        html.append("</section>\n");
        return;
      }
      html.append("<p class=\"subtitle\">").append(esc(text.lead(Key.QUALITY_SCORE)))
          .append(clampScore(feedback.score())).append(' ').append(esc(text.get(Key.OUT_OF_100))).append("</p>\n");
      if (feedback.findings().isEmpty()) {
        note(text.get(Key.NO_FINDINGS));
        html.append("</section>\n");
        return;
      }
      List<SeverityData> severities = severities();
      String summary = text.format(Key.SEVERITY_SUMMARY, severities.stream()
          .map(s -> s.label() + " " + s.count()).collect(Collectors.joining(", ")));
      html.append("<div class=\"split\">\n<div>\n<h3>").append(esc(text.get(Key.FINDINGS_BY_SEVERITY)))
          .append("</h3>\n<div class=\"chart\" style=\"height:220px\">")
          .append("<canvas id=\"chart-severity\" role=\"img\" aria-label=\"").append(esc(summary)).append("\">")
          .append(esc(summary)).append("</canvas></div>\n")
          .append("<p class=\"visually-hidden\">").append(esc(summary)).append("</p>\n</div>\n");
      html.append("<ul class=\"findings\">\n");
      for (Severity severity : severityOrder()) {
        for (Finding f : feedback.findings()) {
          if (severityOf(f) != severity) continue;
          html.append("<li class=\"finding ").append(severity.id()).append("\">")
              .append("<span class=\"badge\">").append(esc(severityLabel(severity))).append("</span>")
              .append("<span class=\"message\">").append(esc(has(f.message()) ? f.message() : f.rule())).append("</span>");
          if (has(f.suggestion())) {
            html.append("<p class=\"suggestion\">").append(esc(text.lead(Key.SUGGESTION)))
                .append(esc(f.suggestion())).append("</p>");
          }
          String where = joined(DOT, f.category(), f.location());
          if (!where.isEmpty()) {
            html.append("<p class=\"where\">");
            if (has(f.category())) html.append(esc(f.category()));
            if (has(f.category()) && has(f.location())) html.append(DOT);
            if (has(f.location())) html.append("<code>").append(esc(f.location())).append("</code>");
            html.append("</p>");
          }
          html.append("</li>\n");
        }
      }
      html.append("</ul>\n</div>\n</section>\n");
    }

    private List<SeverityData> severities() {
      return severityOrder().stream()
          .map(s -> new SeverityData(s.id(), severityLabel(s),
              (int) feedback.findings().stream().filter(f -> severityOf(f) == s).count()))
          .toList();
    }

    private static List<Severity> severityOrder() {
      return List.of(Severity.ERROR, Severity.WARNING, Severity.INFO);
    }

    private static Severity severityOf(Finding f) {
      return f.severity() == null ? Severity.INFO : f.severity();
    }

    private String severityLabel(Severity s) {
      return text.get(switch (s) {
        case ERROR -> Key.ERROR;
        case WARNING -> Key.WARNING;
        case INFO -> Key.INFO;
      });
    }

    // --- footer and data -----------------------------------------------------------------------

    private void footer() {
      html.append("<footer>\n<p>").append(esc(text.format(Key.GENERATED, labels.formatDate(today.toString())
              .orElse(today.toString())))).append("</p>\n<p>")
          .append(esc(text.format(Key.CHART_CREDIT, assets.chartJsVersion()))).append("</p>\n</footer>\n");
    }

    private ChartData chartData() {
      Map<String, String> chartLabels = new LinkedHashMap<>();
      chartLabels.put("score", text.get(Key.MATCH_SCORE));
      chartLabels.put("weight", text.get(Key.WEIGHT));
      chartLabels.put("skills", text.get(Key.SKILL_COUNT));
      MatchData matchData = match == null ? null : new MatchData(clampScore(match.score()),
          match.components().stream()
              .map(c -> new ComponentData(shorten(componentLabel(c)), percent(c.score()), percent(c.weight())))
              .toList());
      List<CategoryData> categories = categories();
      SkillData skillData = categories.isEmpty() ? null
          : new SkillData(radar(categories.size()), categories.stream().map(c -> new CategoryData(c.id(), shorten(c.label()), c.count())).toList());
      FeedbackData feedbackData = feedback == null || feedback.findings().isEmpty() ? null
          : new FeedbackData(severities());
      return new ChartData(lang.code(), chartLabels, matchData, skillData, timeline(), feedbackData);
    }

    private static String json(Object value) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e); // records of strings and numbers always serialize
      }
    }

    // --- small helpers -------------------------------------------------------------------------

    private void note(String message) {
      html.append("<p class=\"note\">").append(esc(message)).append("</p>\n");
    }

    private static int chartHeight(int rows, int perRow) {
      return Math.max(160, 56 + rows * perRow);
    }

    private static String band(int score) {
      return score >= 75 ? "good" : score >= 50 ? "fair" : "poor";
    }

    private static int clampScore(int score) {
      return Math.clamp(score, 0, 100);
    }

    /** A 0..1 share as a whole percentage 0..100 (not-a-number counts as 0). */
    private static int percent(double share) {
      return Double.isFinite(share) ? (int) Math.round(Math.clamp(share, 0.0, 1.0) * 100) : 0;
    }

    private static double round(double value) {
      return Math.round(value * 1000) / 1000.0;
    }

    private static String esc(String s) {
      return Html.escape(s);
    }

    private static boolean has(String s) {
      return s != null && !s.isBlank();
    }

    private static String clean(String s) {
      return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private static String joined(String separator, String... parts) {
      List<String> present = new ArrayList<>();
      for (String p : parts) {
        if (has(p)) present.add(clean(p));
      }
      return String.join(separator, present);
    }

    /** A chart label cut to a readable length, on a code point boundary, with an ellipsis. */
    private static String shorten(String label) {
      return shorten(label, MAX_CHART_LABEL);
    }

    private static String shorten(String label, int max) {
      String s = clean(label);
      if (s.codePointCount(0, s.length()) <= max) return s;
      return s.substring(0, s.offsetByCodePoints(0, max - 1)).strip() + "…";
    }

    /** A JSON Resume date with the first and last month it covers ("2014" covers Jan to Dec 2014). */
    private record ParsedDate(YearMonth start, YearMonth end) {}

    private static Optional<ParsedDate> parse(String iso) {
      if (iso == null) return Optional.empty();
      Matcher m = ISO_DATE.matcher(iso.strip());
      if (!m.matches()) return Optional.empty();
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) return Optional.of(new ParsedDate(YearMonth.of(year, 1), YearMonth.of(year, 12)));
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) return Optional.empty();
      YearMonth ym = YearMonth.of(year, month);
      return Optional.of(new ParsedDate(ym, ym));
    }
  }
}
