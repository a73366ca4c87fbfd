package com.cvgen.core.generate;

import static com.cvgen.core.generate.WordStyles.clean;
import static com.cvgen.core.generate.WordStyles.hasText;

import com.cvgen.core.generate.OfferEvidence.RankedWork;
import com.cvgen.core.generate.OfferEvidence.RequirementRow;
import com.cvgen.core.generate.OfferLabels.Key;
import com.cvgen.core.generate.WordStyles.Part;
import com.cvgen.core.model.Basics;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.MatchResult.Component;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import com.cvgen.core.skills.SkillVocabulary;
import java.io.IOException;
import java.io.OutputStream;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes the Word offer ({@code offer.docx}): a candidate proposal addressed to the hiring company,
 * in one of the output languages, on A4 and in the same {@link WordStyles style set} as the Word CV.
 *
 * <p>Content, each part only when there is something to show:
 * <ol>
 *   <li>cover block: the kind of document, the candidate's name, the proposed role, the company and
 *       the job's location, the date;
 *   <li>profile: the CV's label and the first sentences of its summary;
 *   <li>match with the role: the score (0-100) in large type, the analysis's summary, the
 *       requirements met (required skills first) and the gaps, as the {@link MatchResult}'s
 *       components list them, and each component's reasoning with its score and weight;
 *   <li>relevant experience: the three or four positions whose text shows most of the job's skills
 *       and title words (see {@link OfferEvidence}), with dates and their best two or three
 *       highlights, then the other positions in one line each;
 *   <li>requirements and evidence: a table with one row per requirement (skill, years of
 *       experience, education, language): required or preferred, met or not (a mark and a word),
 *       and where the CV shows it;
 *   <li>languages with fluency, and education.
 * </ol>
 *
 * <p>The candidate's contact details are left out on purpose: a proposal goes to the company
 * through whoever sends it. Any input is accepted (an empty CV, a job or match of null or with
 * missing fields); text passes through {@link WordStyles#clean(String)}. Stateless and thread-safe.
 */
public final class DocxOfferWriter {

  private static final int MIN_SHOWN_WORK = 3;
  private static final int MAX_SHOWN_WORK = 4;
  private static final int MAX_FURTHER_WORK = 6;
  private static final int MAX_LISTED = 8;
  private static final int PROFILE_SENTENCES = 3;
  private static final int PROFILE_MAX_CHARS = 600;
  private static final int WORK_SUMMARY_SENTENCES = 2;
  private static final int MAX_PROPERTY_LENGTH = 255;
  private static final String DASH = " — ";
  private static final String DOT = "\u00A0· ";
  private static final String LIST = ", ";

  /** Requirement table columns in twips: requirement, priority, status, evidence. */
  private static final int[] TABLE_COLUMNS = {2500, 1600, 1700, WordStyles.TEXT_WIDTH - 2500 - 1600 - 1700};

  /** The order of the matcher's components in lists: skills first; unknown ids after, as given. */
  private static final List<String> COMPONENT_ORDER = List.of("required_skills", "preferred_skills",
      "experience", "education", "languages", "title");

  private final SkillVocabulary vocabulary;

  /** A writer that recognises skills with the {@link SkillVocabulary#defaults() default vocabulary}. */
  public DocxOfferWriter() {
    this(SkillVocabulary.defaults());
  }

  /** A writer that recognises skills with {@code vocabulary}. */
  public DocxOfferWriter(SkillVocabulary vocabulary) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /**
   * Writes the offer for {@code cv} and {@code job} as a .docx in {@code language} to {@code out}
   * (which is left open).
   *
   * @param cv the candidate's CV
   * @param job the job profile, or null when there is none
   * @param match the match analysis of {@code cv} against {@code job}, or null when there is none
   * @param language the language to write in
   * @param date the date of the proposal, shown on the cover and the day ongoing positions count up
   *     to; null leaves the date out (positions then count up to today)
   * @param out where the document goes
   * @throws IOException if writing to {@code out} fails
   */
  public void write(Resume cv, JobProfile job, MatchResult match, OutputLanguage language, LocalDate date,
      OutputStream out) throws IOException {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(out, "out");
    try (XWPFDocument doc = new XWPFDocument()) {
      WordStyles word = WordStyles.apply(doc, language);
      OfferLabels labels = OfferLabels.of(language);
      OfferEvidence evidence = new OfferEvidence(cv, job, match, labels,
          date != null ? date : LocalDate.now(), vocabulary);
      new Composer(cv, job, match, date, labels, evidence, word).compose();
      List<IBodyElement> body = doc.getBodyElements();
      if (body.isEmpty() || body.getLast().getElementType() != BodyElementType.PARAGRAPH) {
        word.paragraph(WordStyles.NORMAL); // a body ends with a paragraph
      }
      properties(doc, labels, cv.basics(), job);
      doc.write(out);
    }
  }

  private static void properties(XWPFDocument doc, OfferLabels labels, Basics basics, JobProfile job) {
    POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
    String name = clean(basics.name());
    String title = labels.get(Key.DOCUMENT) + (name.isEmpty() ? "" : DASH + name);
    core.setTitle(truncate(title, MAX_PROPERTY_LENGTH));
    String role = job == null ? "" : clean(job.title());
    if (!role.isEmpty()) core.setSubjectProperty(truncate(role, MAX_PROPERTY_LENGTH));
  }

  private static String truncate(String text, int max) {
    if (text.length() <= max) return text;
    int end = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /** Lays out one offer. */
  private static final class Composer {
    private final Resume cv;
    private final JobProfile job;
    private final MatchResult match;
    private final LocalDate date;
    private final OfferLabels labels;
    private final OfferEvidence evidence;
    private final WordStyles word;

    Composer(Resume cv, JobProfile job, MatchResult match, LocalDate date, OfferLabels labels,
        OfferEvidence evidence, WordStyles word) {
      this.cv = cv;
      this.job = job;
      this.match = match;
      this.date = date;
      this.labels = labels;
      this.evidence = evidence;
      this.word = word;
    }

    void compose() {
      cover();
      profile();
      match();
      experience();
      requirements();
      languages();
      education();
    }

    // ---- cover ----------------------------------------------------------------------------------

    private void cover() {
      word.paragraph(WordStyles.OVERLINE).text(labels.get(Key.DOCUMENT));
      if (hasText(cv.basics().name())) word.title(cv.basics().name());
      if (job != null) {
        field(Key.PROPOSED_ROLE, job.title());
        field(Key.COMPANY, job.company());
        field(Key.LOCATION, job.location() == null ? null : job.location().display());
      }
      if (date != null) field(Key.DATE, labels.longDate(date));
    }

    private void field(Key label, String value) {
      if (!hasText(value)) return;
      word.paragraph(WordStyles.ENTRY).strong(labels.get(label)).separator(labels.colon()).text(value);
    }

    // ---- profile --------------------------------------------------------------------------------

    private void profile() {
      String label = clean(cv.basics().label());
      String summary = firstSentences(cv.basics().summary(), PROFILE_SENTENCES, PROFILE_MAX_CHARS);
      if (label.isEmpty() && summary.isEmpty()) return;
      word.heading1(labels.get(Key.PROFILE));
      var p = word.paragraph(WordStyles.NORMAL).strong(label);
      if (!label.isEmpty() && !summary.isEmpty()) p.separator(DASH);
      p.text(summary);
    }

    /**
     * The first {@code sentences} sentences of {@code text}, as long as they stay within
     * {@code maxChars}; a first sentence longer than that is cut at a word and ends with "…".
     */
    private String firstSentences(String text, int sentences, int maxChars) {
      String t = clean(text);
      if (t.isEmpty()) return "";
      BreakIterator it = BreakIterator.getSentenceInstance(labels.language().locale());
      it.setText(t);
      int start = it.first();
      int taken = 0;
      int endOfTaken = 0;
      for (int end = it.next(); end != BreakIterator.DONE && taken < sentences; start = end, end = it.next()) {
        if (end > maxChars) break;
        endOfTaken = end;
        taken++;
      }
      if (taken > 0) return t.substring(0, endOfTaken).strip();
      int cut = t.lastIndexOf(' ', maxChars);
      if (cut <= 0) cut = Math.min(maxChars, t.length());
      if (Character.isHighSurrogate(t.charAt(cut - 1))) cut--;
      return t.substring(0, cut).strip() + "…";
    }

    // ---- match ----------------------------------------------------------------------------------

    private void match() {
      if (match == null) return;
      word.heading1(labels.get(Key.MATCH));
      int score = Math.clamp(match.score(), 0, 100);
      word.paragraph(WordStyles.SCORE).text(Integer.toString(score)).separator(" ").styled("/ 100",
          WordStyles.SCORE_SCALE);
      word.paragraph(WordStyles.ENTRY_META).text(labels.get(Key.SCORE_CAPTION));
      word.body(match.summary());

      List<Component> components = match.components().stream()
          .sorted(Comparator.comparingInt(c -> {
            int i = c.id() == null ? -1 : COMPONENT_ORDER.indexOf(c.id());
            return i < 0 ? COMPONENT_ORDER.size() : i;
          }))
          .toList();
      if (components.isEmpty()) return;
      listed(Key.REQUIREMENTS_MET, components, Component::matched);
      boolean gaps = listed(Key.GAPS, components, Component::missing);
      if (!gaps) {
        word.heading2(labels.get(Key.GAPS), null);
        word.body(labels.get(Key.NO_GAPS));
      }
      List<Component> reasoned = components.stream().filter(c -> hasText(c.reasoning())).toList();
      if (!reasoned.isEmpty()) {
        word.heading2(labels.get(Key.ASSESSMENT), null);
        for (Component c : reasoned) {
          word.bullet("").strong(componentLabel(c))
              .separator(" (" + labels.scoreWithWeight(c.score(), c.weight()) + ")" + labels.colon())
              .text(c.reasoning());
        }
      }
    }

    /**
     * Under {@code heading}, one bullet per component with items: its label, then the items (at most
     * {@link #MAX_LISTED}, with how many more). Returns false, writing nothing, if no component has
     * any.
     */
    private boolean listed(Key heading, List<Component> components, Function<Component, List<String>> items) {
      boolean any = false;
      for (Component c : components) {
        List<String> shown = items.apply(c).stream().filter(WordStyles::hasText).map(WordStyles::clean)
            .distinct().toList();
        if (shown.isEmpty()) continue;
        if (!any) word.heading2(labels.get(heading), null);
        any = true;
        String list = String.join(LIST, shown.subList(0, Math.min(MAX_LISTED, shown.size())));
        if (shown.size() > MAX_LISTED) list += " " + labels.more(shown.size() - MAX_LISTED);
        word.bullet("").strong(componentLabel(c)).separator(labels.colon()).text(list);
      }
      return any;
    }

    /**
     * A component's label: the matcher's own when it wrote in this language, else ours for the id,
     * else whatever label or id there is.
     */
    private String componentLabel(Component c) {
      boolean sameLanguage = match.language() != null
          && match.language().strip().toLowerCase(Locale.ROOT).startsWith(labels.language().code());
      if (sameLanguage && hasText(c.label())) return clean(c.label());
      return labels.component(c.id()).orElse(hasText(c.label()) ? clean(c.label()) : clean(c.id()));
    }

    // ---- experience -----------------------------------------------------------------------------

    private void experience() {
      List<RankedWork> top = evidence.topWork(MIN_SHOWN_WORK, MAX_SHOWN_WORK);
      if (top.isEmpty()) return;
      word.heading1(labels.get(Key.RELEVANT_EXPERIENCE));
      for (RankedWork r : top) {
        Work w = r.work();
        word.heading2(joined(DASH, w.position(), w.name()), labels.labels().dateRange(w.startDate(), w.endDate()));
        List<Part> meta = new ArrayList<>();
        meta.add(Part.of(w.location()));
        if (!r.terms().isEmpty()) {
          meta.add(Part.of(labels.labelled(labels.get(Key.RELEVANT_TO_ROLE)) + String.join(LIST, r.terms())));
        }
        if (meta.stream().anyMatch(m -> hasText(m.text()))) word.paragraph(WordStyles.ENTRY_META).join(DOT, meta);
        if (r.highlights().isEmpty()) {
          String summary = firstSentences(w.summary(), WORK_SUMMARY_SENTENCES, PROFILE_MAX_CHARS);
          if (!summary.isEmpty()) word.body(summary);
        } else {
          r.highlights().forEach(word::bullet);
        }
      }
      Set<Integer> shown = top.stream().map(RankedWork::index).collect(Collectors.toSet());
      List<RankedWork> further = evidence.rankedWork().stream().filter(r -> !shown.contains(r.index()))
          .sorted(Comparator.comparingInt(RankedWork::index)).toList();
      if (further.isEmpty()) return;
      word.heading2(labels.get(Key.FURTHER_POSITIONS), null);
      for (RankedWork r : further.subList(0, Math.min(MAX_FURTHER_WORK, further.size()))) {
        Work w = r.work();
        word.entry(clean(w.position()), DASH, clean(w.name()), labels.labels().dateRange(w.startDate(), w.endDate()));
      }
      if (further.size() > MAX_FURTHER_WORK) {
        word.paragraph(WordStyles.ENTRY_META).text(labels.more(further.size() - MAX_FURTHER_WORK));
      }
    }

    // ---- requirements table ---------------------------------------------------------------------

    private void requirements() {
      if (job == null) return;
      List<RequirementRow> rows = evidence.requirementRows();
      word.heading1(labels.get(Key.REQUIREMENTS));
      if (rows.isEmpty()) {
        word.body(labels.get(Key.NO_REQUIREMENTS));
        return;
      }
      WordStyles.Table table = word.table(TABLE_COLUMNS);
      table.header(labels.get(Key.REQUIREMENT), labels.get(Key.PRIORITY), labels.get(Key.STATUS),
          labels.get(Key.EVIDENCE));
      for (RequirementRow row : rows) {
        WordStyles.Row r = table.row();
        r.cell(0).text(row.requirement());
        r.cell(1).text(labels.get(row.required() ? Key.REQUIRED : Key.PREFERRED));
        if (row.met()) {
          r.cell(2).styled(OfferLabels.CHECK + "\u00A0" + labels.get(Key.MET), WordStyles.POSITIVE);
        } else {
          r.cell(2).styled(OfferLabels.CROSS + "\u00A0" + labels.get(Key.NOT_MET), WordStyles.NEGATIVE);
        }
        if (row.evidence().isEmpty()) {
          r.cell(3).text(labels.get(Key.NOT_FOUND));
        } else {
          r.cell(3).text(row.evidence().getFirst());
          row.evidence().stream().skip(1).forEach(e -> r.addParagraph(3).text(e));
        }
      }
    }

    // ---- languages, education -------------------------------------------------------------------

    private void languages() {
      List<Language> shown = cv.languages().stream()
          .filter(l -> hasText(l.language()) || hasText(l.fluency())).toList();
      if (shown.isEmpty()) return;
      word.heading1(labels.get(Labels.Key.LANGUAGES));
      shown.forEach(l -> word.entry(l.language(), DASH, l.fluency(), null));
    }

    private void education() {
      List<Education> shown = cv.education().stream()
          .filter(e -> hasText(e.institution()) || hasText(e.area()) || hasText(e.studyType()))
          .toList();
      if (shown.isEmpty()) return;
      word.heading1(labels.get(Labels.Key.EDUCATION));
      for (Education e : shown) {
        String degree = joined(LIST, e.studyType(), e.area());
        word.heading2(joined(DASH, degree, e.institution()), labels.labels().dateRange(e.startDate(), e.endDate()));
      }
    }
  }

  /** The non-blank values, cleaned, joined with {@code separator}. */
  private static String joined(String separator, String... values) {
    return Stream.of(values).filter(WordStyles::hasText).map(WordStyles::clean)
        .collect(Collectors.joining(separator));
  }
}
