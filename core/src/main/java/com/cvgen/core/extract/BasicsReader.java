package com.cvgen.core.extract;

import com.cvgen.core.model.Basics;
import com.cvgen.core.model.Basics.Location;
import com.cvgen.core.model.Basics.Profile;
import com.cvgen.core.text.ContactPatterns;
import com.cvgen.core.text.DateRanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the person: name (the most prominent name-shaped line near the top of page 1), headline,
 * contact data, profiles, location and summary.
 */
final class BasicsReader {
  private static final Pattern NAME_WORD = Pattern.compile("^(\\p{Lu}[\\p{L}'’.-]*|\\p{Lu}\\.|(van|von|de|der|den|da|di|du|del|la|le|al|bin|ibn|zu)\\b)$");
  private static final Pattern FIELD_LABEL = Pattern.compile(
      "(?i)^(e-?mail|mail|phone|telephone|tel\\.?|telefon|mobile|mobil|handy|cell|fax|address|adresse|anschrift|"
          + "location|ort|wohnort|standort|lieu|domicile|website|web|homepage|site|url|portfolio|linkedin|github|"
          + "gitlab|xing|twitter|geburtsdatum|date of birth|birthday|né le|née le|nationality|nationalität|"
          + "nationalité|staatsangehörigkeit)\\s*[:：]?\\s*");
  private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:[|·•●◦▪]|\\t|\\s{3,}|\\s[–—]\\s)\\s*");
  private static final Pattern NETWORK_IN_PARENS = Pattern.compile("^(.{1,60}?)\\s*\\(([^()]{2,40})\\)$");

  private final DocumentStats stats;
  private final Provenance provenance;
  private final Vocabulary vocabulary = Vocabulary.INSTANCE;

  BasicsReader(DocumentStats stats, Provenance provenance) {
    this.stats = stats;
    this.provenance = provenance;
  }

  Basics read(List<Section> sections, List<Row> allRows, float pageHeight) {
    List<Row> contactRows = new ArrayList<>();
    List<Row> summaryRows = new ArrayList<>();
    for (Section s : sections) {
      switch (s.type()) {
        case HEADER, CONTACT, PROFILES -> contactRows.addAll(s.rows());
        case SUMMARY -> summaryRows.addAll(s.rows());
        default -> { }
      }
    }
    Row nameRow = findName(allRows, pageHeight);
    String name = nameRow == null ? null : nameText(nameRow, allRows);
    if (nameRow != null) provenance.put("/basics/name", nameConfidence(nameRow), nameRow);

    String label = null;
    if (nameRow != null) label = label(nameRow, allRows, name);

    // Contact data: header and contact sections first, then the whole document.
    String email = null;
    String phone = null;
    List<Profile> profiles = new ArrayList<>();
    String url = null;
    String location = null;
    Row locationRow = null;
    for (List<Row> scope : List.of(contactRows, allRows)) {
      for (Row r : scope) {
        String t = r.text();
        if (email == null) {
          Optional<String> e = ContactPatterns.email(t);
          if (e.isPresent()) {
            email = e.get();
            provenance.put("/basics/email", 0.98, r);
          }
        }
        if (phone == null && (scope == contactRows || FIELD_LABEL.matcher(t).find())) {
          Optional<String> p = ContactPatterns.phone(t);
          if (p.isPresent()) {
            phone = p.get();
            provenance.put("/basics/phone", scope == contactRows ? 0.9 : 0.7, r);
          }
        }
      }
      if (scope == contactRows && email != null && phone != null) break;
    }
    Map<String, Profile> byNetwork = new LinkedHashMap<>();
    List<Row> linkScope = new ArrayList<>(contactRows);
    for (Row r : allRows) if (!linkScope.contains(r) && r.page() == 1) linkScope.add(r);
    for (int i = 0; i < linkScope.size(); i++) {
      Row r = linkScope.get(i);
      String t = r.text();
      for (String u : ContactPatterns.urls(t)) {
        if (email != null && email.toLowerCase(Locale.ROOT).endsWith(u.toLowerCase(Locale.ROOT))) continue;
        Optional<ContactPatterns.Profile> p = ContactPatterns.profile(u);
        if (p.isPresent()) {
          byNetwork.putIfAbsent(p.get().network().toLowerCase(Locale.ROOT),
              new Profile(p.get().network(), p.get().username(), p.get().url()));
        } else if (url == null && contactRows.contains(r)) {
          url = ContactPatterns.normaliseUrl(u);
        }
      }
      // "alexberger (LinkedIn)": a user name with its network
      var m = NETWORK_IN_PARENS.matcher(t);
      if (m.matches() && contactRows.contains(r) && ContactPatterns.urls(t).isEmpty()) {
        String network = m.group(2).strip();
        String user = m.group(1).strip();
        if (!user.contains(" ") && network.length() <= 20 && Character.isLetter(network.charAt(0))) {
          byNetwork.putIfAbsent(network.toLowerCase(Locale.ROOT), new Profile(network, user, null));
        }
      }
    }
    profiles.addAll(byNetwork.values());

    // Location: a labelled one, else a place-shaped field in the contact rows.
    double best = 0;
    for (int i = 0; i < contactRows.size(); i++) {
      Row r = contactRows.get(i);
      if (r == nameRow || (label != null && r.text().equals(label))) continue;
      String text = r.text();
      boolean labelled = text.matches("(?i)^(address|adresse|anschrift|location|ort|wohnort|standort|lieu|domicile)\\b.*");
      for (String field : SEPARATOR.split(text)) {
        String f = FIELD_LABEL.matcher(field).replaceFirst("").strip();
        if (f.isEmpty() || ContactPatterns.email(f).isPresent() || !ContactPatterns.urls(f).isEmpty()) continue;
        Optional<String> ph = ContactPatterns.phone(f);
        if (ph.isPresent() && ph.get().replaceAll("\\D", "").length() >= f.replaceAll("\\D", "").length() - 1) continue;
        if (f.equals(name) || f.equals(label) || NETWORK_IN_PARENS.matcher(f).matches()) continue;
        double score = Places.score(f);
        if (labelled) score += 1;
        if (score == 0 && looksLikeBareLocation(f, r, contactRows, i)) score = 0.5;
        if (score > best) {
          best = score;
          location = f;
          locationRow = r;
        }
      }
    }
    if (location != null && locationRow != null) {
      // the other place fields of the same line belong to the same address ("Street 7 · 10115 Berlin")
      List<String> parts = new ArrayList<>();
      for (String field : SEPARATOR.split(locationRow.text())) {
        String f = FIELD_LABEL.matcher(field).replaceFirst("").strip();
        if (f.equals(location) || Places.score(f) >= 0.9) parts.add(f);
      }
      if (parts.size() > 1 && parts.contains(location)) location = String.join(", ", parts);
      provenance.put("/basics/location/city", Math.min(0.95, 0.4 + best / 2), locationRow);
    }

    String summary = null;
    List<Row> summarySource = summaryRows.isEmpty() ? headerParagraph(contactRows, nameRow) : summaryRows;
    if (!summarySource.isEmpty()) {
      String joined = "";
      for (Row r : summarySource) joined = Text.joinLines(joined, r.text());
      summary = joined.isBlank() ? null : joined;
    }
    return new Basics(name, label, null, email, phone, url, summary, location(location), profiles);
  }

  private static final Pattern POSTAL_CITY = Pattern.compile("^(?:[A-Z]{1,2}-)?(\\d{4,5})\\s+(\\p{L}.+)$");
  private static final Pattern REGION_POSTAL = Pattern.compile("^(\\p{Lu}{2})\\s+(\\d{5}(?:-\\d{4})?)$");
  private static final Map<String, String> COUNTRY_CODES = Map.ofEntries(
      Map.entry("usa", "US"), Map.entry("us", "US"), Map.entry("united states", "US"),
      Map.entry("united states of america", "US"), Map.entry("uk", "GB"), Map.entry("united kingdom", "GB"),
      Map.entry("germany", "DE"), Map.entry("deutschland", "DE"), Map.entry("allemagne", "DE"),
      Map.entry("switzerland", "CH"), Map.entry("schweiz", "CH"), Map.entry("suisse", "CH"),
      Map.entry("austria", "AT"), Map.entry("österreich", "AT"), Map.entry("autriche", "AT"),
      Map.entry("france", "FR"), Map.entry("frankreich", "FR"), Map.entry("canada", "CA"),
      Map.entry("spain", "ES"), Map.entry("españa", "ES"), Map.entry("spanien", "ES"), Map.entry("espagne", "ES"),
      Map.entry("italy", "IT"), Map.entry("italia", "IT"), Map.entry("italien", "IT"), Map.entry("italie", "IT"),
      Map.entry("netherlands", "NL"), Map.entry("belgium", "BE"), Map.entry("belgique", "BE"),
      Map.entry("luxembourg", "LU"), Map.entry("ireland", "IE"), Map.entry("india", "IN"), Map.entry("australia", "AU"));

  /** "Portland, OR 97209, USA", "Lindenblütenstraße 7 · 10115 Berlin", "14 rue X, 69003 Lyon", "Zürich". */
  static Location location(String text) {
    if (text == null || text.isBlank()) return null;
    String address = null;
    String postal = null;
    String city = null;
    String region = null;
    String country = null;
    for (String raw : text.split("\\s*(?:,|·|\\|)\\s*")) {
      String part = raw.strip();
      if (part.isEmpty()) continue;
      var pc = POSTAL_CITY.matcher(part);
      var rp = REGION_POSTAL.matcher(part);
      String code = COUNTRY_CODES.get(part.toLowerCase(Locale.ROOT));
      if (pc.matches() && city == null) {
        postal = pc.group(1);
        city = pc.group(2).strip();
      } else if (rp.matches()) {
        region = rp.group(1);
        postal = rp.group(2);
      } else if (code != null) {
        country = code;
      } else if (part.matches(".*\\d.*") && address == null) {
        address = part;
      } else if (city == null) {
        city = part;
      } else if (region == null) {
        region = part;
      } else {
        address = address == null ? part : address + ", " + part;
      }
    }
    return new Location(address, postal, city, country, region);
  }

  /** A short unlabelled line next to other contact lines (e.g. "Northants" above the e-mail). */
  private boolean looksLikeBareLocation(String f, Row r, List<Row> rows, int i) {
    if (f.split("\\s+").length > 5 || f.endsWith(".") || f.matches(".*\\d{3,}.*")) return false;
    if (DateRanges.find(f).isPresent() || vocabulary.section(f).isPresent()) return false;
    if (!Character.isUpperCase(f.codePointAt(0))) return false;
    if (vocabulary.titleScore(f) > 0.3) return false;
    boolean nextIsContact = i + 1 < rows.size() && isContactLine(rows.get(i + 1).text())
        && rows.get(i + 1).gap() <= rows.get(i + 1).size() * 2f;
    boolean prevIsContact = i > 0 && isContactLine(rows.get(i - 1).text()) && r.gap() <= r.size() * 2f;
    return nextIsContact || prevIsContact;
  }

  private static boolean isContactLine(String t) {
    return ContactPatterns.email(t).isPresent() || ContactPatterns.phone(t).isPresent();
  }

  private List<Row> headerParagraph(List<Row> header, Row nameRow) {
    List<Row> out = new ArrayList<>();
    for (Row r : header) {
      if (r == nameRow) continue;
      boolean para = r.words() >= 10 || (!out.isEmpty() && r.gap() <= r.size() * 1.45f && !isContactLine(r.text())
          && ContactPatterns.urls(r.text()).isEmpty() && r.size() == out.getLast().size());
      if (para) out.add(r);
      else if (!out.isEmpty()) break;
    }
    return out;
  }

  private Row findName(List<Row> rows, float pageHeight) {
    Row best = null;
    double bestScore = 0;
    float maxSize = 0;
    for (Row r : rows) if (r.page() == 1) maxSize = Math.max(maxSize, r.size());
    int seen = 0;
    for (Row r : rows) {
      if (r.page() != 1) continue;
      seen++;
      double shape = nameShape(r.text());
      if (shape == 0) continue;
      double score = shape;
      score += 1.5 * r.size() / maxSize;
      if (r.line.baseline() < pageHeight * 0.25f) score += 0.6;
      if (seen <= 3) score += 0.4;
      if (r.bold()) score += 0.2;
      if (r.caps()) score += 0.2;
      if (score > bestScore) {
        bestScore = score;
        best = r;
      }
    }
    return best;
  }

  private double nameConfidence(Row r) {
    return Math.min(0.95, 0.5 + nameShape(r.text()) / 4 + (stats.relativeSize(r) > 1.3 ? 0.2 : 0));
  }

  /** 0 when the text cannot be a person's name; higher for 2-3 capitalised words. */
  double nameShape(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 50 || t.matches(".*[\\d@:/|,;()].*")) return 0;
    String[] words = t.split("\\s+");
    if (words.length > 5) return 0;
    for (String w : words) if (!NAME_WORD.matcher(w).matches()) return 0;
    if (vocabulary.section(t).isPresent()) return 0;
    double title = vocabulary.titleScore(t);
    if (title >= 0.5) return 0;
    if (vocabulary.companyScore(t) > 0.5 || vocabulary.degreeScore(t) > 0.5 || vocabulary.institutionScore(t) > 0.5) return 0;
    if (words.length == 1) return 0.6;
    return (words.length <= 3 ? 2 : 1.2) - title;
  }

  /** The name, joined with the next line when a single word continues on it ("Chanchal" / "Sharma"). */
  private String nameText(Row nameRow, List<Row> rows) {
    String name = nameRow.text();
    int i = rows.indexOf(nameRow);
    if (!name.contains(" ") && i + 1 < rows.size()) {
      Row next = rows.get(i + 1);
      if (Math.abs(next.size() - nameRow.size()) < 0.6f && nameShape(next.text()) > 0 && !next.text().contains(" ")) {
        return name + " " + next.text();
      }
    }
    return name;
  }

  private String label(Row nameRow, List<Row> rows, String name) {
    int i = rows.indexOf(nameRow);
    if (name != null && name.split(" ").length > nameRow.text().split(" ").length) i++;
    if (i + 1 >= rows.size()) return null;
    Row next = rows.get(i + 1);
    String t = next.text();
    if (next.words() > 10 || isContactLine(t) || !ContactPatterns.urls(t).isEmpty() || vocabulary.section(t).isPresent()
        || Places.score(t) >= 0.9 || SEPARATOR.split(t).length > 1 && java.util.Arrays.stream(SEPARATOR.split(t)).anyMatch(f -> Places.score(f) >= 0.9)
        || DateRanges.find(t).isPresent() || next.page() != nameRow.page() || t.endsWith(".")
        || next.gap() > nameRow.size() * 2.5f || next.size() < stats.bodySize * 0.95f && next.words() > 6) {
      return null;
    }
    String label = t;
    if (i + 2 < rows.size()) {
      Row after = rows.get(i + 2);
      if (Math.abs(after.size() - next.size()) < 0.6f && after.size() > stats.bodySize * 1.2f && after.words() <= 4
          && !isContactLine(after.text())) {
        label = Text.joinLines(label, after.text());
      }
    }
    return label;
  }
}
