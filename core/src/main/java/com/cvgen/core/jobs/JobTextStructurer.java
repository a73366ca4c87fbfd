package com.cvgen.core.jobs;

import com.cvgen.core.jobs.JobTerms.SectionKind;
import com.cvgen.core.jobs.Statement.Context;
import com.cvgen.core.model.Basics;
import com.cvgen.core.model.JobProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structures the lines of a job posting (from a PDF or a text file) into the JSON Resume job
 * schema, offline, for postings in English, German and French.
 *
 * <p>The title is a "Job title:"/"Stelle:"/"Poste :" label, else the most prominent line before the
 * first section (in a text: the first line), without gender markers such as "(m/w/d)" or "(H/F)".
 * The lines around it with separators ("Acme GmbH · Berlin · Vollzeit") or labels give the company,
 * location, type, remote policy and salary. Section headings are recognised by vocabulary
 * ({@code cvgen/job-terms.json}), and in a PDF or Markdown also by style; bullets under
 * responsibilities become {@code responsibilities}, bullets under requirements, nice-to-have and
 * language headings become {@code qualifications}, prose about the company and the role becomes the
 * description. Every piece is also returned as a {@link Statement} in its context, for the
 * requirements.
 */
final class JobTextStructurer {
  /**
   * One line of the posting: its text (wide gaps as tabs), font size (0 when unknown) and weight,
   * and whether a blank line or a paragraph gap stands before it.
   */
  record Line(String text, float size, boolean bold, boolean breakBefore) {}

  /** The structured job (without requirements) and its statements. */
  record Result(JobProfile profile, List<Statement> statements) {}

  private static final Pattern BULLET = Pattern.compile(
      "^\\s*(?:[-\u2013\u2014\u2022\u00b7\u25aa\u25ab\u25e6\u25cf\u25cb\u25a0\u25a1\u25ba\u25b8\u2023\u2043*+\u2192\u2713\u2714\u27a2\uf0b7]"
      + "|\\d{1,2}[.)]|[a-z][)])\\s*");
  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");
  private static final Pattern STRONG = Pattern.compile("^(?:\\*\\*|__)(.+?)(?:\\*\\*|__)\\s*:?\\s*$");
  private static final Pattern LABEL = Pattern.compile("^([\\p{L}][\\p{L}'\u2019 ./-]{0,40}?)\\s*[:\uff1a]\\s*(.*)$");
  private static final Pattern GENDER = Pattern.compile(
      "\\s*[(\\[]\\s*(?:[mwdfhxi]\\s*[/|,*]\\s*){1,3}[mwdfhxi]\\s*[)\\]]|\\s*[(\\[]\\s*(?:all genders|gn|genderneutral|divers|"
      + "alle geschlechter|f/h|h/f)\\s*[)\\]]",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HIRING = Pattern.compile(
      "^(?:wir suchen|we are hiring|we're hiring|we are looking for|nous recrutons|nous recherchons|on recrute)"
      + "\\s*(?::|\\s)\\s*(?:(?:eine?n?|eine:n|eine\\*n|a|an|un|une|un\\(e\\)|un·e)\\s+)?",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> GENERIC_TITLES = Set.of("stellenanzeige", "stellenangebot", "job posting",
      "job offer", "job opening", "job ad", "offre d'emploi", "offre", "annonce", "vacancy", "career", "careers",
      "karriere", "jobs", "we are hiring", "we're hiring", "wir suchen", "nous recrutons");
  /** Field separators; a middle dot only between spaces ("Ingénieur·e" is one word). */
  private static final Pattern STRONG_BREAK = Pattern.compile("\\s*[\u2022|\t]\\s*|\\s+\u00b7\\s+");
  private static final Pattern SEGMENT_BREAK = Pattern.compile("\\s*[\u2022|\t]\\s*|\\s+[\u00b7\u2013\u2014]\\s+");
  /** A postal code: five digits, or four that are not a year (Austria, Switzerland, Belgium). */
  private static final Pattern POSTAL = Pattern.compile(
      "(?<![\\d\\p{L}./])(\\d{5}|(?!19\\d\\d|20\\d\\d)\\d{4})(?![\\d\\p{L}./])");
  private static final Pattern PARENS = Pattern.compile("\\s*\\([^)]*\\)");
  private static final Pattern ALTERNATIVES = Pattern.compile(
      "\\s*(?:/|,|\\+|\\b(?:oder|or|ou|und|and|et|bzw\\.?)\\b)\\s*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern CURRENCY = Pattern.compile("[€$£]|\\b(?:EUR|USD|CHF|GBP|k€|K€|TEUR)\\b");
  private static final Pattern SALARY_CUE = Pattern.compile(
      "gehalt|salary|salaire|r[ée]mun[ée]ration|verg[üu]tung|compensation|brut|gross|per year|per annum|p\\.\\s?a\\."
      + "|j[äa]hrlich|annuel|pay range|base pay|\\d\\s?k\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPANY_IN_TEXT = Pattern.compile(
      "((?:\\p{Lu}[\\p{L}\\p{N}&.'-]*\\s+){1,4}(?:GmbH(?:\\s*&\\s*Co\\.\\s*KG)?|AG|SE|KG|Inc\\.?|LLC|Ltd\\.?|plc|SAS|SARL|S\\.A\\.|SA|B\\.V\\.|N\\.V\\.))(?![\\p{L}])");
  private static final Pattern LEADING_ARTICLE = Pattern.compile(
      "^(?:Die|Der|Das|The|La|Le|Les|L'|Bei|At|Chez|Bei der|Unsere|Our)\\s+");
  private static final Pattern ISO_DATE = Pattern.compile("\\b((?:19|20)\\d{2})-(\\d{2})(?:-(\\d{2}))?\\b");
  private static final Pattern DOTTED_DATE = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./]((?:19|20)\\d{2})\\b");
  private static final Set<String> CONTINUATION_ENDS = Set.of("und", "and", "et", "oder", "or", "ou", "mit", "with",
      "avec", "der", "die", "das", "den", "dem", "the", "of", "in", "for", "für", "de", "des", "du", "la", "le", "les",
      "von", "zu", "to", "a", "an", "sowie", "as", "on", "im", "am", "auf", "bei", "en", "pour", "sur", "d'", "l'");
  private static final Map<String, String> COUNTRIES = countries();
  private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
      "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
      "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
      "WA", "WV", "WI", "WY", "DC");

  private final JobTerms terms;

  JobTextStructurer(JobTerms terms) {
    this.terms = terms;
  }

  // ---- line analysis ----

  private enum Role {
    HEADING, FIELD, BULLET, TEXT
  }

  /** A line as read: its role, clean text, and for headings and fields what they name. */
  private record Read(Line line, Role role, String text, SectionKind kind, String field, String value,
      boolean prominent, String style) {}

  Result structure(List<Line> lines) {
    float body = bodySize(lines);
    List<Read> reads = new ArrayList<>();
    boolean pendingBreak = false;
    for (Line l : lines) {
      String raw = l.text().strip();
      if (raw.isEmpty() || raw.replace('\t', ' ').isBlank()) {
        pendingBreak = true;
        continue;
      }
      Line line = new Line(raw, l.size(), l.bold(), l.breakBefore() || pendingBreak);
      pendingBreak = false;
      reads.add(read(line, body));
    }
    return build(reads);
  }

  /** The font size most characters have (0 for text input). */
  private static float bodySize(List<Line> lines) {
    Map<Float, Integer> chars = new HashMap<>();
    for (Line l : lines) if (l.size() > 0) chars.merge(Math.round(l.size() * 2) / 2f, l.text().length(), Integer::sum);
    return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
  }

  private Read read(Line line, float body) {
    String text = line.text();
    boolean marked = false;
    Matcher md = MARKDOWN_HEADING.matcher(text);
    if (md.find()) {
      text = text.substring(md.end());
      marked = true;
    }
    Matcher strong = STRONG.matcher(text);
    if (strong.matches()) {
      text = strong.group(1);
      marked = true;
    }
    text = text.replace("**", "").replace("__", "").strip();
    boolean prominent = marked || line.bold() || body > 0 && line.size() > body * 1.12f;
    String plain = clean(text);
    String style = Math.round(line.size() * 2) / 2f + "|" + line.bold() + "|" + marked + "|" + isAllCaps(plain) + "|"
        + plain.endsWith(":");
    Matcher bullet = BULLET.matcher(text);
    if (bullet.lookingAt() && bullet.end() < text.length()) {
      String item = clean(text.substring(bullet.end()));
      Optional<SectionKind> numbered = Character.isDigit(text.strip().charAt(0)) ? terms.heading(item) : Optional.empty();
      if (numbered.isPresent()) { // "2. Ihre Aufgaben"
        return new Read(line, Role.HEADING, item, numbered.get(), null, null, true, style);
      }
      return new Read(line, Role.BULLET, item, null, null, null, prominent, style);
    }
    Optional<SectionKind> heading = terms.heading(plain);
    if (heading.isPresent()) return new Read(line, Role.HEADING, plain, heading.get(), null, null, true, style);
    Matcher label = LABEL.matcher(plain);
    if (label.matches() && label.group(1).strip().split("\\s+").length <= 4) {
      String name = label.group(1).strip();
      String value = label.group(2).strip();
      Optional<String> field = terms.label(name);
      if (field.isPresent() && !value.isEmpty()) {
        return new Read(line, Role.FIELD, plain, null, field.get(), value, prominent, style);
      }
      Optional<SectionKind> inline = terms.heading(name);
      if (inline.isPresent()) {
        return new Read(line, Role.HEADING, name, inline.get(), null, value, true, style);
      }
    }
    boolean styled = prominent || isAllCaps(plain) || plain.endsWith(":");
    return new Read(line, Role.TEXT, plain, null, null, null, styled, style);
  }

  private static boolean isAllCaps(String s) {
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        if (Character.isLowerCase(c)) return false;
        letters++;
      }
    }
    return letters >= 3;
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replaceAll("\\s+", " ").strip();
  }

  // ---- building ----

  /** What the header and labels say. */
  private static final class Fields {
    String title;
    String company;
    Basics.Location location;
    final Set<String> types = new LinkedHashSet<>();
    String remote;
    String salary;
    String experience;
    String date;
  }

  private static final class Section {
    final SectionKind kind;
    final List<StringBuilder> items = new ArrayList<>();
    final List<Boolean> bullets = new ArrayList<>();

    Section(SectionKind kind) {
      this.kind = kind;
    }

    void add(String text, boolean bullet, boolean breakBefore) {
      if (!items.isEmpty() && !bullet && !breakBefore) {
        StringBuilder last = items.getLast();
        if (bullets.getLast() || prose() || continues(last, text)) {
          join(last, text);
          return;
        }
      }
      items.add(new StringBuilder(text));
      bullets.add(bullet);
    }

    boolean prose() {
      return kind == null || kind == SectionKind.COMPANY || kind == SectionKind.ROLE || kind == SectionKind.BENEFITS
          || kind == SectionKind.APPLY;
    }

    List<String> texts() {
      return items.stream().map(StringBuilder::toString).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    List<String> texts(boolean bullet) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) if (bullets.get(i) == bullet) out.add(items.get(i).toString().strip());
      return out;
    }
  }

  private static boolean continues(StringBuilder last, String text) {
    char first = text.charAt(0);
    if (Character.isLowerCase(first)) return true;
    String l = last.toString().strip();
    if (l.isEmpty()) return false;
    char end = l.charAt(l.length() - 1);
    if (end == ',' || end == '-' || end == '/' || end == '(' || end == '&') return true;
    int s = l.length();
    while (s > 0 && !Character.isWhitespace(l.charAt(s - 1))) s--;
    return CONTINUATION_ENDS.contains(l.substring(s).toLowerCase(Locale.ROOT));
  }

  /** Appends a wrapped line: a word split by a hyphen at the line end is joined again. */
  private static void join(StringBuilder last, String text) {
    int n = last.length();
    if (n >= 2 && last.charAt(n - 1) == '-' && Character.isLetter(last.charAt(n - 2))
        && Character.isLowerCase(text.charAt(0)) && !text.matches("^(?:und|oder|and|or|et|ou|bzw)\\b.*")) {
      last.setLength(n - 1);
      last.append(text);
    } else {
      last.append(' ').append(text);
    }
  }

  private Result build(List<Read> reads) {
    int firstSection = reads.size();
    for (int i = 0; i < reads.size(); i++) {
      if (reads.get(i).role() == Role.HEADING) {
        firstSection = i;
        break;
      }
    }
    Fields f = new Fields();
    // labelled fields; an experience label inside a section is a requirement ("Berufserfahrung: 3 Jahre")
    for (int i = 0; i < reads.size(); i++) {
      Read r = reads.get(i);
      if (isField(r, i, firstSection)) field(f, r.field(), r.value());
    }
    int titleIndex = -1;
    if (f.title == null) {
      titleIndex = titleLine(reads, firstSection);
      if (titleIndex >= 0) f.title = cleanTitle(reads.get(titleIndex).text());
    } else {
      f.title = cleanTitle(f.title);
    }

    List<Statement> statements = new ArrayList<>();
    if (f.title != null) statements.add(new Statement(f.title, Context.TITLE));
    List<String> description = new ArrayList<>();
    for (String s : header(reads, firstSection, titleIndex, f).texts()) {
      description.add(s);
      statements.add(new Statement(s, Context.ROLE));
    }
    List<String> responsibilities = new ArrayList<>();
    List<String> qualifications = new ArrayList<>();
    for (Section s : sections(reads, firstSection)) {
      Context context = s.kind == null ? Context.OTHER : switch (s.kind) {
        case RESPONSIBILITIES, ROLE, STACK -> Context.ROLE;
        case REQUIREMENTS -> Context.REQUIRED;
        case NICE_TO_HAVE -> Context.PREFERRED;
        case LANGUAGES -> Context.LANGUAGES;
        case COMPANY -> Context.COMPANY;
        case BENEFITS, APPLY -> Context.IGNORED;
      };
      for (String t : s.texts()) statements.add(new Statement(t, context));
      if (s.kind == null) {
        description.addAll(s.texts(false));
        continue;
      }
      switch (s.kind) {
        case RESPONSIBILITIES -> responsibilities.addAll(s.texts());
        case REQUIREMENTS, NICE_TO_HAVE, LANGUAGES -> qualifications.addAll(s.texts());
        case ROLE -> {
          description.addAll(s.texts(false));
          responsibilities.addAll(s.texts(true));
        }
        case COMPANY -> description.addAll(s.texts(false));
        case BENEFITS, APPLY -> {
          if (f.salary == null) f.salary = s.texts().stream().filter(JobTextStructurer::namesSalary).findFirst().orElse(null);
        }
        case STACK -> { }
      }
    }
    fallbacks(f, reads, statements);
    String type = terms.types.keySet().stream().filter(f.types::contains).findFirst().orElse(null);
    JobProfile profile = new JobProfile(f.title, blankToNull(f.company), type, f.date,
        description.isEmpty() ? null : String.join("\n\n", description), f.location, f.remote, blankToNull(f.salary),
        f.experience, responsibilities, qualifications, List.of(), null);
    return new Result(profile, statements);
  }

  private static boolean isField(Read r, int index, int firstSection) {
    return r.role() == Role.FIELD && (index < firstSection || !r.field().equals("experience"));
  }

  /** The lines before the first heading: field lines set fields, the rest is prose about the job. */
  private Section header(List<Read> reads, int firstSection, int titleIndex, Fields f) {
    Section header = new Section(null);
    for (int i = 0; i < firstSection; i++) {
      Read r = reads.get(i);
      if (i == titleIndex || r.role() == Role.FIELD || GENERIC_TITLES.contains(JobTerms.key(r.text()))) continue;
      if (isMeta(r.line().text())) {
        meta(f, r.line().text());
      } else if (i < titleIndex && f.company == null && r.text().length() <= 80
          && (terms.namesCompany(r.text()) || r.prominent())) {
        f.company = r.text(); // a company name set above the title
      } else {
        header.add(r.text(), r.role() == Role.BULLET, r.line().breakBefore());
      }
    }
    return header;
  }

  /**
   * The sections from the first heading on. A styled line of no known kind starts a section of its
   * own only when known headings have its style; else it is a line of the section it stands in.
   */
  private List<Section> sections(List<Read> reads, int firstSection) {
    Set<String> headingStyles = new HashSet<>();
    for (Read r : reads) if (r.role() == Role.HEADING) headingStyles.add(r.style());
    List<Section> sections = new ArrayList<>();
    Section current = null;
    for (int i = firstSection; i < reads.size(); i++) {
      Read r = reads.get(i);
      if (isField(r, i, firstSection)) continue;
      boolean unknownHeading = r.role() == Role.TEXT && r.prominent() && isHeadingShaped(r.text())
          && headingStyles.contains(r.style());
      if (r.role() == Role.HEADING || unknownHeading) {
        current = new Section(r.role() == Role.HEADING ? r.kind() : null);
        sections.add(current);
        if (r.value() != null && !r.value().isBlank()) current.add(r.value(), false, false);
      } else if (current != null) {
        current.add(r.text(), r.role() == Role.BULLET, r.line().breakBefore());
      }
    }
    return sections;
  }

  private static boolean namesSalary(String text) {
    return text.length() <= 200 && CURRENCY.matcher(text).find() && SALARY_CUE.matcher(text).find();
  }

  /** Company, remote policy, type and seniority from the whole posting when the header did not say. */
  private void fallbacks(Fields f, List<Read> reads, List<Statement> statements) {
    String all = String.join("\n", reads.stream().map(Read::text).toList());
    if (f.company == null) f.company = companyIn(all);
    if (f.remote == null) {
      String body = String.join("\n", statements.stream()
          .filter(s -> s.context() != Context.COMPANY).map(Statement::text).toList());
      f.remote = JobTerms.firstKindIn(terms.remote, body).orElse(null);
    }
    if (f.types.isEmpty() && f.title != null) JobTerms.kindOf(terms.types, f.title).ifPresent(f.types::add);
    if (f.types.isEmpty()) {
      // in running text only the unambiguous words ("stage", "contract", "Ausbildung" say other things too)
      Map<String, Phrases> plain = new LinkedHashMap<>(terms.types);
      plain.keySet().retainAll(Set.of("Full-time", "Part-time", "Permanent", "Temporary", "Working student"));
      JobTerms.firstKindIn(plain, all).ifPresent(f.types::add);
    }
    if (f.experience == null && f.title != null) f.experience = JobTerms.kindOf(terms.seniority, f.title).orElse(null);
  }

  private static boolean isHeadingShaped(String text) {
    return text.split("\\s+").length <= 6 && text.length() <= 60 && !text.endsWith(".") && !text.endsWith(",");
  }

  private int titleLine(List<Read> reads, int firstSection) {
    int limit = Math.min(firstSection, 8);
    int best = -1;
    float bestSize = -1;
    for (int i = 0; i < limit; i++) {
      Read r = reads.get(i);
      if (r.role() != Role.TEXT) continue;
      String t = r.text();
      String key = JobTerms.key(t);
      if (GENERIC_TITLES.contains(key) || t.length() > 120 || t.endsWith(".") || isMeta(r.line().text())) continue;
      if (CURRENCY.matcher(t).find() || t.contains("@")) continue;
      float size = r.line().size() + (r.prominent() ? 0.01f : 0);
      if (best < 0 || size > bestSize) {
        best = i;
        bestSize = size;
      }
      if (r.line().size() == 0 && !r.prominent()) break; // text input: the first plausible line
    }
    // a company name set large above the title: prefer the next prominent line that is no company
    if (best >= 0 && terms.namesCompany(reads.get(best).text())) {
      for (int i = best + 1; i < limit; i++) {
        Read r = reads.get(i);
        if (r.role() == Role.TEXT && !terms.namesCompany(r.text()) && !isMeta(r.text()) && r.text().length() <= 120
            && !r.text().endsWith(".")) {
          return i;
        }
      }
    }
    return best;
  }

  static String cleanTitle(String title) {
    String t = GENDER.matcher(title).replaceAll("");
    t = HIRING.matcher(t.strip()).replaceFirst("");
    t = t.replaceAll("\\s+", " ").replaceAll("^[\\s\\-\u2013\u2014|:\u00b7]+|[\\s\\-\u2013\u2014|:\u00b7,]+$", "").strip();
    return t.isEmpty() ? null : t;
  }

  /** A line of fields: "Acme GmbH · Berlin · Vollzeit" (a dash alone separates only three or more). */
  private static boolean isMeta(String text) {
    String t = text.strip();
    if (t.length() > 200 || t.endsWith(".")) return false;
    return STRONG_BREAK.split(t).length >= 2 || SEGMENT_BREAK.split(t).length >= 3;
  }

  private void meta(Fields f, String raw) {
    List<String> unknown = new ArrayList<>();
    for (String seg : SEGMENT_BREAK.split(raw.strip())) {
      String s = seg.strip();
      if (s.isEmpty()) continue;
      Optional<String> remote = remoteIn(s);
      if (remote.isPresent()) {
        if (f.remote == null) f.remote = remote.get();
        s = withoutRemote(s);
        if (s.isEmpty()) continue;
      }
      Optional<String> type = JobTerms.kindOf(terms.types, s);
      if (type.isPresent() && wordsBesides(terms.types.get(type.get()), s) <= 1) {
        f.types.add(type.get());
        continue;
      }
      if (f.company == null && terms.namesCompany(s)) {
        f.company = s;
        continue;
      }
      if (f.location == null && looksLikeLocation(s)) {
        f.location = location(s);
        continue;
      }
      unknown.add(s);
    }
    for (String u : unknown) {
      if (f.company == null) f.company = u;
      else if (f.location == null) f.location = location(u);
    }
  }

  /** The remote policy a header segment names, by its longest cue. */
  private Optional<String> remoteIn(String s) {
    Optional<String> strong = JobTerms.kindOf(terms.remote, s);
    Optional<String> weak = JobTerms.kindOf(terms.remoteInHeader, s);
    if (strong.isEmpty()) return weak;
    if (weak.isEmpty()) return strong;
    int strongLength = terms.remote.get(strong.get()).longest(s).map(Phrases.Hit::length).orElse(0);
    int weakLength = terms.remoteInHeader.get(weak.get()).longest(s).map(Phrases.Hit::length).orElse(0);
    return weakLength > strongLength ? weak : strong;
  }

  /** A segment without its remote part: "Hamburg oder remote (innerhalb Deutschlands)" -> "Hamburg". */
  private String withoutRemote(String s) {
    List<String> kept = new ArrayList<>();
    for (String part : ALTERNATIVES.split(PARENS.matcher(s).replaceAll(" "))) {
      String p = part.strip();
      if (!p.isEmpty() && remoteIn(p).isEmpty()) kept.add(p);
    }
    return String.join(", ", kept);
  }

  private static int wordsBesides(Phrases phrases, String s) {
    String rest = s;
    List<Phrases.Hit> hits = phrases.find(s);
    for (int i = hits.size() - 1; i >= 0; i--) rest = rest.substring(0, hits.get(i).start()) + " " + rest.substring(hits.get(i).end());
    rest = rest.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return rest.isEmpty() ? 0 : rest.split(" ").length;
  }

  private static boolean looksLikeLocation(String s) {
    if (POSTAL.matcher(s).find() && s.length() <= 60) return true;
    for (String part : s.split("\\s*,\\s*")) {
      String p = part.strip();
      if (COUNTRIES.containsKey(Phrases.fold(p)) || US_STATES.contains(p)) return true;
    }
    return false;
  }

  /** "Lyon (69002)", "10115 Berlin", "Berlin, Germany", "Portland, OR" as a location. */
  static Basics.Location location(String s) {
    String text = s.strip();
    String postal = null;
    Matcher pm = POSTAL.matcher(text);
    if (pm.find()) {
      postal = pm.group(1);
      text = (text.substring(0, pm.start()) + " " + text.substring(pm.end())).replace("()", " ");
    }
    text = PARENS.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
    String[] parts = text.split("\\s*,\\s*");
    String city = parts.length > 0 && !parts[0].isBlank() ? parts[0].strip() : null;
    String region = null;
    String country = null;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      String code = COUNTRIES.get(Phrases.fold(p));
      if (code != null) country = code;
      else if (US_STATES.contains(p)) {
        region = p;
        country = country == null ? "US" : country;
      } else if (region == null && !p.isEmpty()) {
        region = p;
      }
    }
    if (city != null && COUNTRIES.containsKey(Phrases.fold(city)) && parts.length == 1) {
      country = COUNTRIES.get(Phrases.fold(city));
      city = null;
    }
    if (city == null && postal == null && region == null && country == null) return null;
    return new Basics.Location(null, postal, city, country, region);
  }

  private void field(Fields f, String field, String value) {
    switch (field) {
      case "title" -> f.title = f.title == null ? value : f.title;
      case "company" -> f.company = f.company == null ? value : f.company;
      case "location" -> {
        Optional<String> remote = remoteIn(value);
        if (remote.isPresent() && f.remote == null) f.remote = remote.get();
        String rest = remote.isPresent() ? withoutRemote(value) : value;
        if (f.location == null && !rest.isBlank()) f.location = location(rest);
      }
      case "type" -> {
        Optional<String> type = JobTerms.kindOf(terms.types, value);
        type.ifPresent(f.types::add);
        remoteIn(value).ifPresent(r -> f.remote = f.remote == null ? r : f.remote);
      }
      case "remote" -> {
        if (f.remote == null) {
          f.remote = remoteIn(value).orElseGet(() -> {
            String v = Phrases.fold(value);
            if (v.matches("^(?:yes|ja|oui|possible|möglich|moglich)\\b.*")) return "Hybrid";
            if (v.matches("^(?:no|nein|non)\\b.*")) return "None";
            return null;
          });
        }
      }
      case "salary" -> f.salary = f.salary == null ? value : f.salary;
      case "experience" -> {
        if (f.experience == null) f.experience = JobTerms.kindOf(terms.seniority, value).orElse(value);
      }
      case "date" -> {
        if (f.date == null) f.date = isoDate(value);
      }
      default -> { }
    }
  }

  private static String isoDate(String value) {
    Matcher iso = ISO_DATE.matcher(value);
    if (iso.find()) {
      int month = Integer.parseInt(iso.group(2));
      if (month < 1 || month > 12) return null;
      return iso.group(3) == null ? iso.group(1) + "-" + iso.group(2) : iso.group(0);
    }
    Matcher dotted = DOTTED_DATE.matcher(value);
    if (dotted.find()) {
      int day = Integer.parseInt(dotted.group(1));
      int month = Integer.parseInt(dotted.group(2));
      if (day < 1 || day > 31 || month < 1 || month > 12) return null;
      return String.format(Locale.ROOT, "%s-%02d-%02d", dotted.group(3), month, day);
    }
    return null;
  }

  private static String companyIn(String text) {
    Matcher m = COMPANY_IN_TEXT.matcher(text);
    if (!m.find()) return null;
    String name = LEADING_ARTICLE.matcher(m.group(1).strip()).replaceFirst("");
    return name.isBlank() ? null : name;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Map<String, String> countries() {
    Map<String, String> m = new HashMap<>();
    String[][] table = {
        {"DE", "germany", "deutschland", "allemagne"}, {"AT", "austria", "osterreich", "autriche"},
        {"CH", "switzerland", "schweiz", "suisse"}, {"FR", "france", "frankreich"},
        {"BE", "belgium", "belgien", "belgique"}, {"NL", "netherlands", "the netherlands", "niederlande", "pays-bas"},
        {"LU", "luxembourg", "luxemburg"}, {"GB", "united kingdom", "uk", "great britain", "england",
            "grossbritannien", "großbritannien", "royaume-uni"},
        {"US", "usa", "united states", "us", "vereinigte staaten", "etats-unis"}, {"CA", "canada", "kanada"},
        {"ES", "spain", "spanien", "espagne"}, {"IT", "italy", "italien", "italie"}, {"PT", "portugal"},
        {"PL", "poland", "polen", "pologne"}, {"IE", "ireland", "irland", "irlande"}, {"SE", "sweden", "schweden", "suede"},
        {"DK", "denmark", "danemark", "dänemark"}, {"NO", "norway", "norwegen", "norvege"}, {"FI", "finland", "finnland", "finlande"},
        {"CZ", "czech republic", "czechia", "tschechien", "republique tcheque"}};
    for (String[] row : table) for (int i = 1; i < row.length; i++) m.put(Phrases.fold(row[i]), row[0]);
    return Map.copyOf(m);
  }
}
