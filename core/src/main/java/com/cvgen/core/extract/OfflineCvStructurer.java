package com.cvgen.core.extract;

import com.cvgen.core.extract.Entry.Piece;
import com.cvgen.core.model.Award;
import com.cvgen.core.model.Basics;
import com.cvgen.core.model.Certificate;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.Extraction;
import com.cvgen.core.model.Interest;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.Meta;
import com.cvgen.core.model.Project;
import com.cvgen.core.model.Publication;
import com.cvgen.core.model.Reference;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Volunteer;
import com.cvgen.core.model.Work;
import com.cvgen.core.text.ContactPatterns;
import com.cvgen.core.text.DateMatch;
import com.cvgen.core.text.DateRanges;
import com.cvgen.core.text.LanguageDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in offline structurer: no model, no network. Sections are found by scored layout and
 * vocabulary features ({@link SectionSplitter}), entries by date anchors and header blocks
 * ({@link EntryReader}), and the fields of an entry by scoring each header text as title,
 * organisation, degree, institution or place, with the order the section's confident entries show
 * as a tie-breaker.
 */
public final class OfflineCvStructurer implements CvStructurer {
  public static final String ID = "offline-v1";

  private final Vocabulary vocabulary = Vocabulary.INSTANCE;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Resume structure(TextDocument document) {
    List<Row> rows = new ArrayList<>();
    for (TextLine line : document.lines()) {
      Row r = Row.of(line, rows.size());
      if (!r.isEmpty()) rows.add(r);
    }
    DocumentStats stats = new DocumentStats(rows);
    List<Section> sections = new SectionSplitter(stats).split(rows);
    Provenance provenance = new Provenance();
    float pageHeight = document.pages().isEmpty() ? 842f : document.pages().getFirst().height();
    Basics basics = new BasicsReader(stats, provenance).read(sections, rows, pageHeight);
    sections = withoutSignOff(sections, basics.name());

    EntryReader entries = new EntryReader(stats);
    ListReader lists = new ListReader(stats);
    List<Work> work = new ArrayList<>();
    List<Education> education = new ArrayList<>();
    List<Project> projects = new ArrayList<>();
    List<Volunteer> volunteer = new ArrayList<>();
    List<Skill> skills = new ArrayList<>();
    List<Language> languages = new ArrayList<>();
    List<Certificate> certificates = new ArrayList<>();
    List<Award> awards = new ArrayList<>();
    List<Publication> publications = new ArrayList<>();
    List<Interest> interests = new ArrayList<>();
    List<Reference> references = new ArrayList<>();
    for (Section s : sections) {
      switch (s.type()) {
        case WORK -> work.addAll(works(entries.read(s.rows()), provenance, work.size(), false));
        case EDUCATION -> education.addAll(educations(entries.read(s.rows()), provenance, education.size()));
        case PROJECTS -> projects.addAll(projects(entries.read(s.rows())));
        case VOLUNTEER -> volunteer.addAll(works(entries.read(s.rows()), provenance, -1, false).stream()
            .map(w -> new Volunteer(w.name(), w.position(), w.url(), w.startDate(), w.endDate(), w.summary(),
                w.highlights()))
            .toList());
        case SKILLS -> {
          // "Interests: ..." or "Languages: English, German" inside a skills block belong elsewhere
          for (Skill k : lists.skills(s.rows())) {
            Optional<SectionType> named = k.name() == null ? Optional.empty() : vocabulary.section(k.name());
            if (named.filter(t -> t == SectionType.INTERESTS).isPresent() && !k.keywords().isEmpty()) {
              k.keywords().forEach(i -> interests.add(new Interest(i, List.of())));
            } else if (named.filter(t -> t == SectionType.LANGUAGES).isPresent() && !k.keywords().isEmpty()
                && k.keywords().stream().allMatch(lists::startsWithLanguage)) {
              languages.addAll(lists.languages(k.keywords()));
            } else {
              skills.add(k);
            }
          }
        }
        case LANGUAGES -> languages.addAll(lists.languages(s.rows()));
        case CERTIFICATES -> lists.items(s.rows()).forEach(i -> certificates.add(certificate(i)));
        case AWARDS -> lists.items(s.rows()).forEach(i -> awards.add(award(i)));
        case PUBLICATIONS -> lists.items(s.rows()).forEach(i -> publications.add(new Publication(i, null, null, null, null)));
        case INTERESTS -> lists.skills(s.rows()).forEach(k -> interests.add(new Interest(k.name(), k.keywords())));
        case REFERENCES -> lists.items(s.rows()).forEach(i -> references.add(new Reference(null, i)));
        case HEADER, SUMMARY, OTHER -> {
          // A CV without an experience heading: dated, titled entries in an untitled part are work.
          if (s.type() != SectionType.HEADER || work.isEmpty()) {
            List<Entry> found = entries.read(s.rows()).stream()
                .filter(e -> e.date != null && textPieces(e).size() >= 2
                    && textPieces(e).stream().anyMatch(p -> vocabulary.titleScore(p.text()) > 0.3))
                .toList();
            if (!found.isEmpty() && sections.stream().noneMatch(x -> x.type() == SectionType.WORK)) {
              work.addAll(works(found, provenance, work.size(), true));
            }
          }
        }
        default -> { }
      }
    }
    String language = LanguageDetector.detect(document.text());
    Extraction extraction = new Extraction(language, ID, document.pages().size(), provenance.fields(), List.of());
    return new Resume(basics, work, volunteer, education, awards, certificates, publications, skills, languages,
        interests, references, projects, new Meta(null, "v1.0.0", null, extraction));
  }

  /** A closing "Berlin, 15. Mai 2025" and the signed name under it are not CV content. */
  private static final java.util.regex.Pattern SIGN_OFF = java.util.regex.Pattern.compile(
      "^\\p{Lu}[\\p{L} .-]+,\\s*(?:(?:den|le|am|the)\\s+)?\\d{1,2}(?:\\.|er)?\\s*(?:\\p{L}+\\.?|\\d{1,2}\\.)\\s*\\d{4}$");

  private static List<Section> withoutSignOff(List<Section> sections, String name) {
    List<Section> out = new ArrayList<>();
    for (Section s : sections) {
      List<Row> kept = new ArrayList<>();
      for (Row r : s.rows()) {
        boolean signOff = SIGN_OFF.matcher(r.text()).matches()
            || (s.type() != SectionType.HEADER && name != null && r.text().equals(name));
        if (!signOff) kept.add(r);
      }
      out.add(new Section(s.type(), s.heading(), kept));
    }
    return out;
  }

  // ---------- work ----------

  private List<Work> works(List<Entry> entries, Provenance provenance, int offset, boolean strict) {
    // Which comes first in this section, the title or the organisation? Ask the confident entries.
    double titleFirst = 0;
    for (Entry e : entries) {
      List<Piece> texts = textPieces(e);
      if (texts.size() >= 2) {
        titleFirst += (roleBias(texts.get(0)) - roleBias(texts.get(1)));
      }
    }
    // "Company, City" in most entries (known where a legal form precedes the city): the section
    // writes the seat after the name, so a plain "Mutuelle des Traboules, Villeurbanne" does too.
    int seatsSplit = 0;
    for (Entry e : entries) {
      for (Piece p : textPieces(e)) {
        if (p.text().contains(", ") && Places.splitTrailingPlace(p.text(), true) != null) seatsSplit++;
      }
    }
    List<Work> out = new ArrayList<>();
    Work previous = null;
    Piece previousCompany = null;
    // An organisation heading a group of roles ("Acme Corporation" over its indented or smaller
    // role lines): later entries set like the group's first role belong to it too.
    Piece group = null;
    Row groupRole = null;
    for (Entry e : entries) {
      Row first = firstRow(e);
      Row role = groupRole;
      boolean underGroup = group != null && first != null && Math.abs(first.x() - role.x()) < 2f
          && Math.abs(first.size() - role.size()) < 0.6f && first.bold() == role.bold()
          && e.pieces.stream().allMatch(p -> Math.abs(p.row().size() - role.size()) < 0.6f);
      List<Piece> texts = underGroup ? rawTextPieces(e) : textPieces(e);
      if (texts.isEmpty() && e.date == null) continue;
      String location = null;
      for (Piece p : new ArrayList<>(texts)) {
        if ((Places.score(p.text()) >= 0.9 && texts.size() > 1) || (Places.placeShaped(p.text()) && texts.size() > 2)) {
          location = location == null ? p.text() : location;
          texts.remove(p);
        }
      }
      Piece position = null;
      Piece company = null;
      if (underGroup && !texts.isEmpty()) {
        company = group;
        position = texts.stream().max(java.util.Comparator.comparingDouble(this::roleBias)).orElseThrow();
      } else if (texts.size() == 1) {
        Piece only = texts.getFirst();
        if (roleBias(only) >= 0 || previousCompany != null) position = only;
        else company = only;
      } else if (texts.size() >= 2) {
        double best = -Double.MAX_VALUE;
        for (int i = 0; i < texts.size(); i++) {
          for (int j = 0; j < texts.size(); j++) {
            if (i == j) continue;
            double s = roleBias(texts.get(i)) - roleBias(texts.get(j));
            s += Math.signum(titleFirst) * (i < j ? 0.35 : -0.35);
            s -= 0.15 * (i + j); // the first two header texts are the likeliest
            if (s > best) {
              best = s;
              position = texts.get(i);
              company = texts.get(j);
            }
          }
        }
      }
      if (!underGroup) {
        boolean heads = company != null && position != null && company.row() != position.row()
            && company.row() != e.anchor && (company.row().x() < position.row().x() - 4f
                || company.row().size() > position.row().size() + 0.5f);
        group = heads ? company : null;
        groupRole = heads ? position.row() : null;
      }
      if (company != null) {
        String[] split = Places.splitTrailingPlace(company.text(), true);
        if (split == null && seatsSplit >= 2) split = Places.splitTrailingName(company.text());
        if (split != null) {
          company = new Piece(split[0], company.row(), company.order());
          if (location == null) location = split[1];
        }
      }
      String start = e.date == null ? null : e.date.start();
      String end = e.date == null ? null : e.date.end();
      if (end != null && start != null && end.compareTo(start) < 0 && end.length() == start.length()) end = null;
      String url = e.urls.isEmpty() ? null : ContactPatterns.normaliseUrl(e.urls.getFirst());
      Work w = new Work(text(company), location, null, text(position), url, start, end, e.summary(), e.highlights);
      if (w.position() == null && w.name() == null) continue;
      // A repeated header (a theme re-printing an entry's head at a page break) adds nothing.
      if (previous != null && Objects.equals(previous.name(), w.name()) && w.position() == null
          && w.highlights().isEmpty() && w.summary() == null) {
        continue;
      }
      if (offset >= 0) {
        int i = offset + out.size();
        double c = 0.5 + (e.date != null ? 0.2 : 0) + (position != null && company != null ? 0.2 : 0);
        if (position != null) provenance.put("/work/" + i + "/position", c, position.row());
        if (company != null) provenance.put("/work/" + i + "/name", c, company.row());
        if (e.anchor != null) provenance.put("/work/" + i + "/startDate", 0.9, e.anchor);
      }
      out.add(w);
      previous = w;
      if (company != null && company.row() != null) previousCompany = company;
      if (strict && position == null) out.removeLast();
    }
    return out;
  }

  /** Positive for a job title, negative for an organisation. */
  private double roleBias(Piece p) {
    String t = p.text();
    double bias = vocabulary.titleScore(t) * 2 - vocabulary.companyScore(t) * 2;
    if (vocabulary.institutionScore(t) > 0.5) bias -= 0.5;
    return bias;
  }

  private static Row firstRow(Entry e) {
    Row first = e.anchor;
    for (Piece p : e.pieces) if (first == null || p.row().index < first.index) first = p.row();
    return first;
  }

  /** The header texts without dates, not split at commas. */
  private static List<Piece> rawTextPieces(Entry e) {
    return e.pieces.stream().filter(p -> !DateRanges.isDateOnly(p.text())).toList();
  }

  /** Words that qualify a date ("Expected", "Graduated"), not fields of their own. */
  private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile(
      "(?i)(expected( graduation)?|anticipated( graduation)?|graduated|graduation|in progress|ongoing|"
          + "voraussichtlich|abgeschlossen|laufend|prévu|en cours|obtenu)");

  private static final java.util.regex.Pattern REGION_CODE = java.util.regex.Pattern.compile("^\\p{Lu}{2}(\\s+\\d{4,5})?$");

  private static List<Piece> textPieces(Entry e) {
    List<Piece> out = new ArrayList<>();
    for (Piece p : e.pieces) {
      String t = p.text();
      if (DateRanges.isDateOnly(t)) continue;
      out.add(p);
    }
    out.removeIf(p -> STATUS.matcher(p.text()).matches());
    // A header written as one line ("Software Engineer, Globex Corporation, Portland, OR"): its
    // commas separate the fields; a region code goes back onto its city. Places on lines of their
    // own ("Austin, TX") do not count as fields here.
    List<Piece> fields = out.stream().filter(p -> Places.score(p.text()) < 0.9).toList();
    if (fields.size() == 1 && fields.getFirst().text().contains(", ")) {
      Piece only = fields.getFirst();
      int at = out.indexOf(only);
      out.remove(only);
      List<Piece> parts = new ArrayList<>();
      for (String part : only.text().split("\\s*,\\s+")) {
        if (!parts.isEmpty() && REGION_CODE.matcher(part).matches()) {
          Piece before = parts.removeLast();
          parts.add(new Piece(before.text() + ", " + part, before.row(), before.order()));
        } else if (!part.isBlank()) {
          parts.add(new Piece(part.strip(), only.row(), only.order()));
        }
      }
      out.addAll(at, parts);
    }
    // "Acme, Inc." split by the comma: glue legal forms back on
    for (int i = out.size() - 1; i > 0; i--) {
      String t = out.get(i).text();
      if (t.matches("(?i)(inc\\.?|ltd\\.?|llc|gmbh|ag|sa|s\\.a\\.|corp\\.?|co\\.|plc|se|kg)")) {
        Piece before = out.get(i - 1);
        out.set(i - 1, new Piece(before.text() + ", " + t, before.row(), before.order()));
        out.remove(i);
      }
    }
    return out;
  }

  private static String text(Piece p) {
    return p == null ? null : p.text();
  }

  // ---------- education ----------

  private List<Education> educations(List<Entry> entries, Provenance provenance, int offset) {
    // Degree and field in two lines: which line is the degree? Confident entries tell the order.
    double degreeFirst = 0;
    for (Entry e : entries) {
      List<Piece> t = textPieces(e).stream().filter(p -> vocabulary.institutionScore(p.text()) < 0.5).toList();
      if (t.size() == 2) degreeFirst += vocabulary.degreeScore(t.get(0).text()) - vocabulary.degreeScore(t.get(1).text());
    }
    List<Education> out = new ArrayList<>();
    for (Entry e : entries) {
      List<Piece> texts = textPieces(e);
      for (Piece p : new ArrayList<>(texts)) {
        if ((Places.score(p.text()) >= 0.9 && texts.size() > 1) || (Places.placeShaped(p.text()) && texts.size() > 2)) {
          texts.remove(p);
        }
      }
      if (texts.isEmpty()) continue;
      Piece institution = null;
      double best = -Double.MAX_VALUE;
      for (Piece p : texts) {
        double s = vocabulary.institutionScore(p.text()) - vocabulary.degreeScore(p.text());
        if (s > best) {
          best = s;
          institution = p;
        }
      }
      List<Piece> rest = new ArrayList<>(texts);
      if (texts.size() == 1 && best <= 0) institution = null;
      rest.remove(institution);
      String score = null;
      List<String> degreeParts = new ArrayList<>();
      for (Piece p : rest) {
        String t = p.text();
        if (t.matches("(?i).*\\b(gpa|grade|note|abschlussnote|mention|moyenne|cgpa)\\b.*")) {
          score = t.replaceFirst("(?i)^(gpa|grade|note|abschlussnote|mention|moyenne|cgpa)\\s*[:：]?\\s*", "").strip();
          continue;
        }
        if (degreeParts.size() < 2) degreeParts.add(t);
      }
      String studyType = null;
      String area = null;
      if (degreeParts.size() == 2) {
        double d = vocabulary.degreeScore(degreeParts.get(0)) - vocabulary.degreeScore(degreeParts.get(1));
        boolean firstIsDegree = Math.abs(d) > 0.15 ? d > 0 : degreeFirst >= 0;
        studyType = degreeParts.get(firstIsDegree ? 0 : 1);
        area = degreeParts.get(firstIsDegree ? 1 : 0);
      } else if (degreeParts.size() == 1) {
        String[] sa = splitDegree(degreeParts.getFirst());
        studyType = sa[0];
        area = sa[1];
      }
      if (score == null) {
        for (String line : concat(e.paragraphs, e.highlights)) {
          var gpa = GRADE.matcher(line);
          if (gpa.find()) {
            score = gpa.group(2).strip();
            break;
          }
        }
      }
      String start = e.date == null ? null : e.date.start();
      String end = e.date == null ? null : e.date.end();
      List<String> courses = new ArrayList<>();
      for (String h : e.highlights) {
        var m = java.util.regex.Pattern.compile("(?i)^(relevant |incoming )?(coursework|courses|kurse|cours)\\s*:\\s*(.*)$").matcher(h);
        if (m.matches()) {
          for (String c : m.group(3).split("\\s*,\\s*")) if (!c.isBlank()) courses.add(c.strip());
        }
      }
      Education ed = new Education(text(institution), null, area, studyType, start, end, score, courses);
      int i = offset + out.size();
      if (institution != null) provenance.put("/education/" + i + "/institution", 0.5 + Math.min(0.4, best / 2), institution.row());
      out.add(ed);
    }
    return out;
  }

  private static final java.util.regex.Pattern GRADE = java.util.regex.Pattern.compile(
      "(?i)\\b(gpa|cgpa|grade|note|abschlussnote|gesamtnote|mention|moyenne)\\s*[:：]?\\s*([0-9][0-9.,/ ]*[0-9]|[\\p{L}]+(?: [\\p{L}]+)?)");

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** "Bachelor of Science in Informatik" -> ["Bachelor of Science", "Informatik"]; "B.S. Computer Science" likewise. */
  private String[] splitDegree(String degree) {
    String d = degree.strip();
    var m = java.util.regex.Pattern.compile("^(.+?)\\s*(?:,|\\s-\\s|\\s–\\s|\\s(?:in|en|im|der|de|of)\\s)\\s*(.+)$").matcher(d);
    if (m.matches() && vocabulary.degreeScore(m.group(1)) > 0) {
      String head = m.group(1);
      // "Bachelor of Science in X": "of Science" belongs to the degree
      if (d.matches("(?i)^(bachelor|master|doctor)\\s+of\\s+\\S+.*") && !head.matches("(?i).*\\sof\\s.*")) {
        var m2 = java.util.regex.Pattern.compile("(?i)^((?:bachelor|master|doctor)\\s+of\\s+(?:[^\\s,]+\\s+(?:and|&)\\s+)?[^\\s,]+)\\s*(?:,|in\\s|-\\s|–\\s)?\\s*(.*)$").matcher(d);
        if (m2.matches()) return new String[] {m2.group(1), m2.group(2).isBlank() ? null : m2.group(2)};
      }
      return new String[] {head, m.group(2)};
    }
    var abbrev = java.util.regex.Pattern.compile("^((?:[A-Z][a-z]?\\.){1,3}(?:[A-Z][a-z]?\\.?)?|[BM]Sc|MBA|PhD|BA|MA|BS|MS|BEng|MEng)\\s+(\\p{Lu}.+)$").matcher(d);
    if (abbrev.matches()) return new String[] {abbrev.group(1), abbrev.group(2)};
    return new String[] {d, null};
  }

  // ---------- projects, certificates, awards ----------

  private List<Project> projects(List<Entry> entries) {
    List<Project> out = new ArrayList<>();
    for (Entry e : entries) {
      List<Piece> texts = textPieces(e);
      if (texts.isEmpty()) continue;
      String name = texts.getFirst().text();
      List<String> roles = texts.size() > 1 ? List.of(texts.get(1).text()) : List.of();
      String url = e.urls.isEmpty() ? null : ContactPatterns.normaliseUrl(e.urls.getFirst());
      out.add(new Project(name, e.summary(), e.highlights, List.of(), e.date == null ? null : e.date.start(),
          e.date == null ? null : e.date.end(), url, roles, null, null));
    }
    return out;
  }

  private static Certificate certificate(String item) {
    Optional<DateMatch> d = DateRanges.find(item);
    String rest = item;
    String date = null;
    if (d.isPresent()) {
      date = d.get().start();
      rest = (item.substring(0, d.get().from()) + " " + item.substring(d.get().to())).strip();
    }
    String[] parts = rest.split("\\s+[–—|·-]\\s+|\\s*,\\s+", 2);
    String name = Text.trimPunctuation(parts[0]);
    String issuer = parts.length > 1 ? Text.trimPunctuation(parts[1]) : null;
    return new Certificate(name, date, null, issuer == null || issuer.isBlank() ? null : issuer);
  }

  private static Award award(String item) {
    Optional<DateMatch> d = DateRanges.find(item);
    String title = item;
    String date = null;
    if (d.isPresent()) {
      date = d.get().start();
      title = Text.trimPunctuation((item.substring(0, d.get().from()) + " " + item.substring(d.get().to())).strip());
    }
    return new Award(title, date, null, null);
  }
}
