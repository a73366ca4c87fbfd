package com.cvgen.core.jobs;

import com.cvgen.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The word lists of {@code cvgen/job-terms.json}: headings, labels, cues and field values, loaded once. */
final class JobTerms {
  /** What a section of a posting holds. */
  enum SectionKind {
    RESPONSIBILITIES, REQUIREMENTS, NICE_TO_HAVE, LANGUAGES, ROLE, STACK, COMPANY, BENEFITS, APPLY
  }

  private static final Pattern HEADING_NOISE = Pattern.compile("^[#*_\\s\\d.)]+|[\\s:：?!.*_#]+$");

  static final JobTerms INSTANCE = new JobTerms("/cvgen/job-terms.json");

  private final Map<String, SectionKind> headings = new HashMap<>();
  private final Map<String, String> labels = new HashMap<>();
  final Phrases preferred;
  final Phrases required;
  final Phrases notRequired;
  final Phrases examples;
  final Map<String, Phrases> types;
  final Map<String, Phrases> remote;
  final Map<String, Phrases> remoteInHeader;
  final Map<String, Phrases> seniority;
  private final Set<String> companyForms = new HashSet<>();

  private JobTerms(String resource) {
    JsonNode root = load(resource);
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("headings").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      SectionKind kind = SectionKind.valueOf(e.getKey());
      for (JsonNode h : e.getValue()) headings.putIfAbsent(key(h.asText()), kind);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("labels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (JsonNode l : e.getValue()) labels.putIfAbsent(key(l.asText()), e.getKey());
    }
    preferred = phrases(root.path("preferred"));
    required = phrases(root.path("required"));
    notRequired = phrases(root.path("notRequired"));
    examples = phrases(root.path("examples"));
    types = kinds(root.path("types"));
    remote = kinds(root.path("remote"));
    remoteInHeader = kinds(root.path("remoteInHeader"));
    seniority = kinds(root.path("seniority"));
    for (JsonNode f : root.path("companyForms")) companyForms.add(f.asText().toLowerCase(Locale.ROOT));
  }

  private static JsonNode load(String resource) {
    try (InputStream in = JobTerms.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Phrases phrases(JsonNode array) {
    List<String> list = new ArrayList<>();
    for (JsonNode n : array) list.add(n.asText());
    return new Phrases(list);
  }

  private static Map<String, Phrases> kinds(JsonNode object) {
    Map<String, Phrases> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), phrases(e.getValue()));
    }
    return out;
  }

  /** A heading or label as compared: folded, numbering, markup and trailing punctuation dropped. */
  static String key(String text) {
    String s = Phrases.fold(text).replaceAll("\\s+", " ").strip();
    return HEADING_NOISE.matcher(s).replaceAll("").strip();
  }

  /** The section a standalone heading line names ("Ihre Aufgaben:", "PROFIL RECHERCHÉ", "## Benefits"). */
  Optional<SectionKind> heading(String line) {
    String k = key(line);
    if (k.isEmpty() || k.length() > 60) return Optional.empty();
    return Optional.ofNullable(headings.get(k));
  }

  /** The job field a label names ("Standort" -> location), if any. */
  Optional<String> label(String label) {
    return Optional.ofNullable(labels.get(key(label)));
  }

  /** The kind whose phrase has the longest hit in the text, if any (ties: the first kind). */
  static Optional<String> kindOf(Map<String, Phrases> kinds, String text) {
    String best = null;
    int bestLength = 0;
    for (Map.Entry<String, Phrases> e : kinds.entrySet()) {
      Optional<Phrases.Hit> hit = e.getValue().longest(text);
      if (hit.isPresent() && hit.get().length() > bestLength) {
        best = e.getKey();
        bestLength = hit.get().length();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The kind whose phrase occurs first in the text (ties at one position: the longest). */
  static Optional<String> firstKindIn(Map<String, Phrases> kinds, String text) {
    record Found(String kind, Phrases.Hit hit) {}
    List<Found> found = new ArrayList<>();
    kinds.forEach((kind, phrases) -> phrases.find(text).forEach(h -> found.add(new Found(kind, h))));
    return found.stream()
        .min(Comparator.comparingInt((Found f) -> f.hit().start()).thenComparing(f -> -f.hit().length()))
        .map(Found::kind);
  }

  /** A word marking a company name ("GmbH", "Inc.", "Services"), capitalised and after the first word. */
  boolean namesCompany(String segment) {
    String[] words = segment.strip().split("\\s+");
    for (int i = 1; i < words.length; i++) {
      String w = words[i].replaceAll("^[(\\[]+|[),;:\\]]+$", "");
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && companyForms.contains(w.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
