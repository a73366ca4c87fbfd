package com.cvgen.core.analyze;

import static com.cvgen.core.model.Feedback.Severity.INFO;
import static com.cvgen.core.model.Feedback.Severity.WARNING;

import com.cvgen.core.analyze.FeedbackIssue.Quoted;
import com.cvgen.core.model.Certificate;
import com.cvgen.core.model.Project;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Volunteer;
import com.cvgen.core.model.Work;
import com.cvgen.core.skills.SkillVocabulary;
import com.cvgen.core.skills.SkillVocabulary.SkillMention;
import com.cvgen.core.skills.SkillVocabulary.SkillTerm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The skills section: missing, skills listed twice, and skills nothing in the experience backs.
 *
 * <p>A skill is backed ("has evidence") when a role (title, summary, description, highlights), a
 * volunteer activity, a project (name, description, highlights, keywords, roles) or a certificate
 * mentions it: as the same canonical skill of the {@link SkillVocabulary} ("k8s" backs
 * "Kubernetes"), or, for skills the vocabulary does not know, as a whole word, case-insensitively.
 * For the whole-word comparison a skill is also tried without a version ("Java 17"), without a
 * parenthesis or with only its content ("Amazon Web Services (AWS)"), split at " / ", ",", ";", "|" or "·",
 * and without a vendor prefix before a single word ("Apache Kafka"). The profile summary
 * ({@code basics.summary}) does not count: a claim is no evidence.
 */
final class FeedbackSkillCheck implements FeedbackCheck {

  /** How many skills without evidence are reported at most (the first ones, in CV order). */
  static final int MAX_UNBACKED_REPORTED = 5;
  /** Skills of more words are phrases ("agile methods in distributed teams"), not compared. */
  static final int MAX_SKILL_WORDS = 3;

  private static final Pattern VERSION = Pattern.compile("\\s+v?\\d+(?:\\.\\d+)*\\+?$");
  private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\(([^()]*)\\)\\s*");
  private static final Pattern SPLIT = Pattern.compile("\\s+/\\s+|\\s*[,;|·]\\s*");
  private static final Pattern VENDOR =
      Pattern.compile("(?i)^(?:apache|microsoft|google|amazon)\\s+(\\S+)$");
  private static final Set<String> GENERIC =
      Set.of("cloud", "services", "web", "platform", "office", "analytics", "database", "server");

  /** A listed skill and its JSON pointer. */
  private record Listed(String text, String pointer) {}

  @Override
  public void check(FeedbackContext context, List<FeedbackIssue> out) {
    Resume cv = context.cv();
    List<Listed> listed = listed(cv.skills());
    if (listed.isEmpty()) {
      out.add(FeedbackIssue.of(FeedbackRule.MISSING_SKILLS, WARNING, "/skills"));
      return;
    }
    SkillVocabulary vocabulary = context.vocabulary();
    Set<String> seen = new HashSet<>();
    List<Listed> unique = new ArrayList<>();
    for (Listed s : listed) {
      String key = vocabulary.canonicalName(s.text()).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (seen.add(key)) {
        unique.add(s);
      } else {
        out.add(FeedbackIssue.of(FeedbackRule.DUPLICATE_SKILL, INFO, s.pointer(), new Quoted(s.text())));
      }
    }
    String evidence = evidence(cv);
    if (evidence.isBlank()) return;
    Set<String> mentioned = new HashSet<>();
    for (SkillMention m : vocabulary.find(evidence)) {
      mentioned.add(m.term().name().toLowerCase(Locale.ROOT));
    }
    int reported = 0;
    for (Listed s : unique) {
      if (reported == MAX_UNBACKED_REPORTED) break;
      if (FeedbackText.words(s.text()) > MAX_SKILL_WORDS || backed(s.text(), vocabulary, mentioned, evidence)) {
        continue;
      }
      out.add(FeedbackIssue.of(FeedbackRule.SKILL_WITHOUT_EVIDENCE, INFO, s.pointer(), new Quoted(s.text())));
      reported++;
    }
  }

  /** The skills as listed: a group's keywords, or the name of a skill without keywords. */
  private static List<Listed> listed(List<Skill> skills) {
    List<Listed> out = new ArrayList<>();
    for (int i = 0; i < skills.size(); i++) {
      Skill s = skills.get(i);
      List<String> keywords = s.keywords();
      boolean any = false;
      for (int k = 0; k < keywords.size(); k++) {
        if (!FeedbackText.blank(keywords.get(k))) {
          out.add(new Listed(keywords.get(k).strip(), "/skills/" + i + "/keywords/" + k));
          any = true;
        }
      }
      if (!any && !FeedbackText.blank(s.name())) out.add(new Listed(s.name().strip(), "/skills/" + i + "/name"));
    }
    return out;
  }

  /** The texts that can back a skill, one per line. */
  static String evidence(Resume cv) {
    List<String> texts = new ArrayList<>();
    for (Work w : cv.work()) {
      Stream.of(w.position(), w.summary(), w.description()).forEach(texts::add);
      texts.addAll(w.highlights());
    }
    for (Volunteer v : cv.volunteer()) {
      Stream.of(v.position(), v.summary()).forEach(texts::add);
      texts.addAll(v.highlights());
    }
    for (Project p : cv.projects()) {
      Stream.of(p.name(), p.description()).forEach(texts::add);
      texts.addAll(p.highlights());
      texts.addAll(p.keywords());
      texts.addAll(p.roles());
    }
    for (Certificate c : cv.certificates()) texts.add(c.name());
    return String.join("\n", texts.stream().filter(t -> !FeedbackText.blank(t)).toList());
  }

  private static boolean backed(String skill, SkillVocabulary vocabulary, Set<String> mentioned, String evidence) {
    Optional<SkillTerm> known = vocabulary.canonical(skill);
    if (known.isPresent() && mentioned.contains(known.get().name().toLowerCase(Locale.ROOT))) return true;
    for (String candidate : candidates(skill)) {
      Optional<SkillTerm> part = vocabulary.canonical(candidate);
      if (part.isPresent() && mentioned.contains(part.get().name().toLowerCase(Locale.ROOT))) return true;
      if (FeedbackText.wholeWord(candidate).matcher(evidence).find()) return true;
    }
    return false;
  }

  /** The spellings a skill is looked for in: itself and the variants described in the class comment. */
  static Set<String> candidates(String skill) {
    Set<String> out = new LinkedHashSet<>();
    String s = skill.strip();
    out.add(s);
    Matcher paren = PARENTHESIS.matcher(s);
    if (paren.find()) {
      out.add(paren.group(1).strip());
      out.add(PARENTHESIS.matcher(s).replaceAll(" ").strip());
    }
    for (String variant : List.copyOf(out)) {
      for (String part : SPLIT.split(variant)) out.add(part.strip());
    }
    for (String variant : List.copyOf(out)) {
      out.add(VERSION.matcher(variant).replaceFirst("").strip());
      Matcher vendor = VENDOR.matcher(variant);
      if (vendor.matches() && !GENERIC.contains(vendor.group(1).toLowerCase(Locale.ROOT))) out.add(vendor.group(1));
    }
    out.removeIf(String::isBlank);
    return out;
  }
}
