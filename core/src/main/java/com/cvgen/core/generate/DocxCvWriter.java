package com.cvgen.core.generate;

import static com.cvgen.core.generate.WordStyles.hasText;

import com.cvgen.core.generate.Labels.Key;
import com.cvgen.core.generate.WordStyles.Part;
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
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes a {@link Resume} as a Word CV ({@code cv.docx}) in one of the output languages.
 *
 * <p>Layout: the name as Title, the label as Subtitle, one contact line (e-mail, phone, location,
 * web site and profiles, linked where they are links), then the sections summary, work, education,
 * skills, languages, certificates, projects, volunteering, awards, publications, interests and
 * references, each only when it has content. Section headings are Heading 1 and entries Heading 2,
 * so Word and LibreOffice show a navigable outline; dates sit at the right margin on a tab stop;
 * highlights are a real bulleted list. All formatting comes from {@link WordStyles}.
 *
 * <p>Any resume is accepted: missing fields and entries are left out, and all text is inserted as
 * text with characters illegal in XML removed. Stateless and thread-safe.
 */
public final class DocxCvWriter {

  private static final String DASH = " — ";
  /** Joins items on one line; the no-break space keeps the dot at the end of a wrapped line. */
  private static final String DOT = "\u00A0· ";
  private static final String LIST = ", ";
  /** Word's limit for document properties such as the title. */
  private static final int MAX_PROPERTY_LENGTH = 255;

  /**
   * Writes {@code resume} as a .docx in {@code language} to {@code out} (which is left open).
   *
   * @throws IOException if writing to {@code out} fails
   */
  public void write(Resume resume, OutputLanguage language, OutputStream out) throws IOException {
    Objects.requireNonNull(resume, "resume");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(out, "out");
    try (XWPFDocument doc = new XWPFDocument()) {
      WordStyles word = WordStyles.apply(doc, language);
      new Composer(resume, Labels.of(language), word).compose();
      if (doc.getParagraphs().isEmpty()) {
        word.paragraph(WordStyles.NORMAL); // a body needs at least one paragraph
      }
      properties(doc, resume.basics());
      doc.write(out);
    }
  }

  private static void properties(XWPFDocument doc, Basics basics) {
    POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
    String name = truncate(WordStyles.clean(basics.name()), MAX_PROPERTY_LENGTH);
    String label = truncate(WordStyles.clean(basics.label()), MAX_PROPERTY_LENGTH);
    if (!name.isEmpty()) {
      core.setTitle(name);
      core.setCreator(name);
    }
    if (!label.isEmpty()) core.setSubjectProperty(label);
  }

  private static String truncate(String text, int max) {
    if (text.length() <= max) return text;
    int end = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /** Lays out one resume. */
  private static final class Composer {
    private final Resume resume;
    private final Labels labels;
    private final WordStyles word;

    Composer(Resume resume, Labels labels, WordStyles word) {
      this.resume = resume;
      this.labels = labels;
      this.word = word;
    }

    void compose() {
      header(resume.basics());
      if (hasText(resume.basics().summary())) {
        word.heading1(labels.get(Key.SUMMARY));
        word.body(resume.basics().summary());
      }
      section(Key.WORK, resume.work(),
          w -> any(w.position(), w.name(), w.location(), w.description(), w.summary(),
              labels.dateRange(w.startDate(), w.endDate())) || any(w.highlights()),
          this::work);
      section(Key.EDUCATION, resume.education(),
          e -> any(e.institution(), e.area(), e.studyType(), e.score(),
              labels.dateRange(e.startDate(), e.endDate())) || any(e.courses()),
          this::education);
      section(Key.SKILLS, resume.skills(), s -> any(s.name(), s.level()) || any(s.keywords()), this::skill);
      section(Key.LANGUAGES, resume.languages(), l -> any(l.language(), l.fluency()), this::language);
      section(Key.CERTIFICATES, resume.certificates(), c -> any(c.name(), c.issuer()), this::certificate);
      section(Key.PROJECTS, resume.projects(),
          p -> any(p.name(), p.description(), p.entity(), p.type(), p.url())
              || any(p.highlights()) || any(p.keywords()) || any(p.roles()),
          this::project);
      section(Key.VOLUNTEER, resume.volunteer(),
          v -> any(v.position(), v.organization(), v.summary()) || any(v.highlights()),
          this::volunteer);
      section(Key.AWARDS, resume.awards(), a -> any(a.title(), a.awarder(), a.summary()), this::award);
      section(Key.PUBLICATIONS, resume.publications(),
          p -> any(p.name(), p.publisher(), p.summary()), this::publication);
      section(Key.INTERESTS, resume.interests(), i -> any(i.name()) || any(i.keywords()), this::interest);
      section(Key.REFERENCES, resume.references(), r -> any(r.name(), r.reference()), this::reference);
    }

    private <T> void section(Key heading, List<T> entries, Predicate<T> hasContent, Consumer<T> render) {
      List<T> shown = entries.stream().filter(hasContent).toList();
      if (shown.isEmpty()) return;
      word.heading1(labels.get(heading));
      shown.forEach(render);
    }

    private void header(Basics basics) {
      if (hasText(basics.name())) word.title(basics.name());
      if (hasText(basics.label())) word.subtitle(basics.label());
      List<Part> contact = new ArrayList<>();
      String mail = WordStyles.linkTarget(basics.email());
      contact.add(new Part(basics.email(), mail.startsWith("mailto:") ? mail : null));
      contact.add(Part.of(basics.phone()));
      if (basics.location() != null) contact.add(Part.of(basics.location().display()));
      contact.add(new Part(displayUrl(basics.url()), basics.url()));
      for (Basics.Profile profile : basics.profiles()) {
        if (hasText(profile.url())) {
          contact.add(new Part(displayUrl(profile.url()), profile.url()));
        } else {
          contact.add(Part.of(joined(": ", profile.network(), profile.username())));
        }
      }
      if (contact.stream().anyMatch(p -> hasText(p.text()))) {
        word.paragraph(WordStyles.CONTACT).join(DOT, contact);
      }
    }

    private void work(Work w) {
      entryHeading(joined(DASH, w.position(), w.name()), labels.dateRange(w.startDate(), w.endDate()));
      meta(List.of(Part.of(w.location()), Part.of(w.description()), new Part(displayUrl(w.url()), w.url())));
      word.body(w.summary());
      w.highlights().forEach(this::bullet);
    }

    private void education(Education e) {
      String degree = joined(LIST, e.studyType(), e.area());
      entryHeading(joined(DASH, degree, e.institution()), labels.dateRange(e.startDate(), e.endDate()));
      if (hasText(e.url())) meta(List.of(new Part(displayUrl(e.url()), e.url())));
      labelled(labels.get(Key.GRADE), e.score());
      labelled(labels.get(Key.COURSES), joined(LIST, e.courses()));
    }

    private void skill(Skill s) {
      String name = hasText(s.level()) ? joined(" ", s.name(), "(" + WordStyles.clean(s.level()) + ")") : s.name();
      word.entry(name, ": ", joined(LIST, s.keywords()), null);
    }

    private void language(Language l) {
      word.entry(l.language(), DASH, l.fluency(), null);
    }

    private void certificate(Certificate c) {
      var line = word.entry(c.name(), DASH, c.issuer(), null);
      if (hasText(c.url())) line.separator(DOT).link(displayUrl(c.url()), c.url());
      line.date(labels.formatDate(c.date()).orElse(""));
    }

    private void project(Project p) {
      entryHeading(p.name(), labels.dateRange(p.startDate(), p.endDate()));
      meta(List.of(Part.of(joined(LIST, p.roles())), Part.of(p.entity()), Part.of(p.type()),
          new Part(displayUrl(p.url()), p.url())));
      word.body(p.description());
      p.highlights().forEach(this::bullet);
      labelled(labels.get(Key.KEYWORDS), joined(LIST, p.keywords()));
    }

    private void volunteer(Volunteer v) {
      entryHeading(joined(DASH, v.position(), v.organization()), labels.dateRange(v.startDate(), v.endDate()));
      if (hasText(v.url())) meta(List.of(new Part(displayUrl(v.url()), v.url())));
      word.body(v.summary());
      v.highlights().forEach(this::bullet);
    }

    private void award(Award a) {
      entryHeading(joined(DASH, a.title(), a.awarder()), labels.formatDate(a.date()).orElse(""));
      word.body(a.summary());
    }

    private void publication(Publication p) {
      entryHeading(joined(DASH, p.name(), p.publisher()), labels.formatDate(p.releaseDate()).orElse(""));
      if (hasText(p.url())) meta(List.of(new Part(displayUrl(p.url()), p.url())));
      word.body(p.summary());
    }

    private void interest(Interest i) {
      word.entry(i.name(), ": ", joined(LIST, i.keywords()), null);
    }

    private void reference(Reference r) {
      if (hasText(r.reference())) {
        word.paragraphs(WordStyles.QUOTE, r.reference());
        if (hasText(r.name())) word.paragraph(WordStyles.ENTRY_META).separator("— ").text(r.name());
      } else {
        word.entry(r.name(), "", "", null);
      }
    }

    private void entryHeading(String text, String date) {
      if (hasText(text) || hasText(date)) word.heading2(text, date);
    }

    private void meta(List<Part> parts) {
      if (parts.stream().anyMatch(p -> hasText(p.text()))) {
        word.paragraph(WordStyles.ENTRY_META).join(DOT, parts);
      }
    }

    private void labelled(String label, String value) {
      if (hasText(value)) word.entry(label, ": ", value, null);
    }

    private void bullet(String text) {
      if (hasText(text)) word.bullet(text);
    }
  }

  /** The non-blank values, cleaned, joined with {@code separator}. */
  private static String joined(String separator, String... values) {
    return joined(separator, Arrays.asList(values));
  }

  private static String joined(String separator, Collection<String> values) {
    return values.stream().filter(WordStyles::hasText).map(WordStyles::clean)
        .collect(Collectors.joining(separator));
  }

  private static boolean any(String... values) {
    for (String v : values) {
      if (hasText(v)) return true;
    }
    return false;
  }

  private static boolean any(Collection<String> values) {
    return values.stream().anyMatch(WordStyles::hasText);
  }

  /** A URL as people read it: without "https://", "www." or a trailing slash. */
  static String displayUrl(String url) {
    String u = WordStyles.clean(url);
    u = u.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }
}
